using System.Globalization;
using Microsoft.Playwright;
using RiskMap.Server.Database;

namespace RiskMap.Tests.Viewer;

/// <summary>The map viewer as a test sees it; selectors mirror viewer/src/testIds.ts.</summary>
public sealed class ViewerPage(IPage page)
{
    public IPage Page => page;
    public ILocator Map => page.Locator("[data-testid=map]");
    public ILocator Legend => page.Locator("[data-testid=legend]");
    public ILocator SchematicNotice => page.Locator("[data-testid=schematic-notice]");
    public ILocator Attribution => page.Locator("[data-testid=data-attribution]");
    public ILocator UnitLabels => page.Locator("[data-testid=unit-label]");
    public ILocator UnitCard => page.Locator("[data-testid=unit-card]");
    public ILocator UnitCardName => page.Locator("[data-testid=unit-card-name]");
    public ILocator UnitCardFigure(string key) => page.Locator($"[data-testid=unit-card] dd[data-row={key}]");
    public ILocator UnitCardReplay => page.Locator("[data-testid=unit-card-replay]");
    public ILocator Rules => page.Locator("[data-testid=rules]");
    public ILocator RulesButton => page.Locator("[data-testid=rules] > summary");
    public ILocator RulesField(string field) => page.Locator($"[data-testid=rules] input[data-field='{field}']");
    public ILocator RulesError(string field) => page.Locator($"[data-testid=rules-error][data-field='{field}']");
    public ILocator RulesSave => page.Locator("[data-testid=rules-save]");
    public ILocator RulesStatus => page.Locator("[data-testid=rules-status]");
    public ILocator ConnectionState => page.Locator("[data-testid=connection-state]");
    public ILocator DataAsOf => page.Locator("[data-testid=data-as-of]");
    public ILocator AlertTicker => page.Locator("[data-testid=alert-ticker]");
    public ILocator AlertMarkers => page.Locator("[data-testid=alert-marker]");
    public ILocator AlertFilter => page.Locator("[data-testid=alert-filter]");
    public ILocator AlertHiddenCount => page.Locator("[data-testid=alert-hidden-count]");

    public ILocator HeatToggle => page.Locator("[data-testid=heat-toggle]");
    public ILocator UnitSearch => page.Locator("[data-testid=unit-search]");
    public ILocator UnitSearchResults => page.Locator("[data-testid=unit-search-result]");
    public ILocator Breadcrumb => page.Locator("[data-testid=breadcrumb]");
    public ILocator BreadcrumbSteps => page.Locator("[data-testid=breadcrumb-step]");

    /// <summary>A child unit listed on the unit card (by its 12-digit code).</summary>
    public ILocator UnitCardChild(long code) => page.Locator($"[data-testid=unit-card-child][data-code='{code}']");

    /// <summary>The map's view from the address (#zoom/lat/lng, kept by MapLibre's hash).</summary>
    public async Task<(double Zoom, double Lat, double Lng)> ViewAsync()
    {
        var parts = (await page.EvaluateAsync<string>("location.hash")).TrimStart('#').Split('/');
        var n = parts.Take(3).Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return (n[0], n[1], n[2]);
    }

    /// <summary>Where a longitude and latitude are on the page now (Web Mercator, 512-pixel tiles, the view's centre at the map's centre).</summary>
    public async Task<(double X, double Y)> ScreenPointAsync(double lng, double lat)
    {
        var (zoom, clat, clng) = await ViewAsync();
        var box = (await Map.BoundingBoxAsync())!;
        var world = 512 * Math.Pow(2, zoom);
        static double X(double lon) => (lon + 180) / 360;
        static double Y(double la) => (1 - Math.Log(Math.Tan(la * Math.PI / 180) + 1 / Math.Cos(la * Math.PI / 180)) / Math.PI) / 2;
        return (box.X + box.Width / 2 + (X(lng) - X(clng)) * world, box.Y + box.Height / 2 + (Y(lat) - Y(clat)) * world);
    }

    /// <summary>A checkbox of the alert filter: red, yellow, scale-village, scale-township, scale-county, site, household, region.</summary>
    public ILocator AlertFilterOption(string value) => page.Locator($"[data-testid=alert-filter-option][data-value={value}]");

    /// <summary>The alert marker of one unit (by its 12-digit code).</summary>
    public ILocator ReplayToggle => page.Locator("[data-testid=replay-toggle]");
    public ILocator ReplayBar => page.Locator("[data-testid=replay-bar]");
    public ILocator ReplayTime => page.Locator("[data-testid=replay-time]");
    public ILocator ReplayBack => page.Locator("[data-testid=replay-back]");
    public ILocator ReplayForward => page.Locator("[data-testid=replay-forward]");
    public ILocator ReplayLive => page.Locator("[data-testid=replay-live]");
    public ILocator ReplayMarkerAt(long code) => page.Locator($"[data-testid=replay-marker][data-code='{code}']");
    public ILocator AlertMarkerAt(long code) => page.Locator($"[data-testid=alert-marker][data-code='{code}']");

    public ILocator LanguageSwitch => page.Locator("[data-testid=language-switch]");
    public ILocator Wall => page.Locator("[data-testid=wall]");
    public ILocator WallTitle => page.Locator("[data-testid=wall-title]");
    public ILocator AlertTakeover => page.Locator("[data-testid=alert-takeover]");
    public ILocator TourCaption => page.Locator("[data-testid=tour-caption]");
    public ILocator TrendChart => page.Locator("[data-testid=trend-chart]");
    public ILocator OpenPlanner => page.Locator("[data-testid=open-planner]");
    public ILocator Planner => page.Locator("[data-testid=planner]");
    public ILocator RegionStatus => page.Locator("[data-testid=region-status]");
    public ILocator RegionUnits => page.Locator("[data-testid=region-units]");
    public ILocator RegionSites => page.Locator("[data-testid=region-sites]");
    public ILocator VisitList => page.Locator("[data-testid=visit-list]");
    public ILocator VisitStatus => page.Locator("[data-testid=visit-status]");
    public ILocator ExportButtons => page.Locator("[data-testid=export-buttons]");
    public ILocator SaveName => page.Locator("[data-testid=save-name]");
    public ILocator SaveButton => page.Locator("[data-testid=save-button]");
    public ILocator SaveStatus => page.Locator("[data-testid=save-status]");

    /// <summary>A planner shape button: polygon, rectangle or circle (viewer/src/planner/RegionDraw.ts).</summary>
    public ILocator DrawShape(string shape) => page.Locator($"[data-testid=draw-{shape}]");

    /// <summary>A value of the drawn region's figures by its key (households, shareAtLeastTwo, level3, …).</summary>
    public ILocator RegionFigure(string key) => page.Locator($"[data-testid=region-figures] dd[data-row={key}]");

    /// <summary>The number on a wall KPI tile (ids in viewer/src/wall/kpis.ts: monitored, level2, red-villages, …).</summary>
    public ILocator Kpi(string id) => page.Locator($"[data-testid=kpi-{id}] [data-testid=kpi-value]");

    /// <summary>Waits for the map to report that it has loaded and drawn (data-map-state="idle").</summary>
    public Task WaitUntilIdleAsync() =>
        page.Locator("[data-testid=map][data-map-state=idle]").WaitForAsync(new() { Timeout = 60_000 });

    /// <summary>Waits until the connection state reads <paramref name="state"/> (connecting, live, offline).</summary>
    public Task WaitForConnectionAsync(string state, int timeoutMs = 30_000) =>
        page.Locator($"[data-testid=connection-state][data-state={state}]").WaitForAsync(new() { Timeout = timeoutMs });

    /// <summary>
    /// The colour drawn at a point of the page (red, green, blue), read from a screenshot of that pixel:
    /// what a person sees, whatever produced it.
    /// </summary>
    public Task<(int R, int G, int B)> PixelAsync((double X, double Y) point) => PixelAsync(point.X, point.Y);

    /// <summary>The reddest pixel (red minus green) in a square of 2 × <paramref name="half"/> pixels around a point: where a small shape's peak is not exactly known.</summary>
    public async Task<int> MostRedAroundAsync((double X, double Y) point, int half)
    {
        var png = await page.ScreenshotAsync(new() { Clip = new() { X = (float)point.X - half, Y = (float)point.Y - half, Width = 2 * half, Height = 2 * half } });
        return await page.EvaluateAsync<int>("""
            async (b64) => {
              const img = new Image();
              img.src = "data:image/png;base64," + b64;
              await img.decode();
              const canvas = document.createElement("canvas");
              canvas.width = img.width; canvas.height = img.height;
              const ctx = canvas.getContext("2d");
              ctx.drawImage(img, 0, 0);
              const d = ctx.getImageData(0, 0, img.width, img.height).data;
              let most = -255;
              for (let i = 0; i < d.length; i += 4) most = Math.max(most, d[i] - d[i + 1]);
              return most;
            }
            """, Convert.ToBase64String(png));
    }

    public async Task<(int R, int G, int B)> PixelAsync(double x, double y)
    {
        var png = await page.ScreenshotAsync(new() { Clip = new() { X = (float)x, Y = (float)y, Width = 1, Height = 1 } });
        var rgba = await page.EvaluateAsync<int[]>("""
            async (b64) => {
              const img = new Image();
              img.src = "data:image/png;base64," + b64;
              await img.decode();
              const canvas = document.createElement("canvas");
              canvas.width = img.width; canvas.height = img.height;
              const ctx = canvas.getContext("2d");
              ctx.drawImage(img, 0, 0);
              return Array.from(ctx.getImageData(0, 0, 1, 1).data);
            }
            """, Convert.ToBase64String(png));
        return (rgba[0], rgba[1], rgba[2]);
    }

    /// <summary>Launches Debian's Chromium by path (never a downloaded browser), headless, off the network.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
    });

    /// <summary>The built viewer (viewer/dist); fails with how to build it when missing.</summary>
    public static string DistDirectory()
    {
        var dist = Path.Combine(DatabaseSetup.RepositoryRoot(AppContext.BaseDirectory), "viewer", "dist");
        Assert.True(File.Exists(Path.Combine(dist, "index.html")),
            "viewer/dist is not built: run ./riskmap test (it builds the viewer) or `cd viewer && npm ci && npm run build`");
        return dist;
    }

    /// <summary>Screenshots are kept as test artefacts under artifacts/screenshots.</summary>
    public async Task SaveScreenshotAsync(string name)
    {
        var dir = Path.Combine(DatabaseSetup.RepositoryRoot(AppContext.BaseDirectory), "artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name) });
    }
}
