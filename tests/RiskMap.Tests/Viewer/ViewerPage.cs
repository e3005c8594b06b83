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
    public ILocator ConnectionState => page.Locator("[data-testid=connection-state]");
    public ILocator DataAsOf => page.Locator("[data-testid=data-as-of]");
    public ILocator AlertTicker => page.Locator("[data-testid=alert-ticker]");
    public ILocator AlertMarkers => page.Locator("[data-testid=alert-marker]");
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
