using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace RiskMap.Tests.Viewer;

/// <summary>Planner mode (?mode=planner): a region drawn with the mouse, its figures and visit list, against a real server.</summary>
public sealed class PlannerTests
{
    /// <summary>The view the planner opens on: 南坪村's households (102.65, 28.05) in the middle, at zoom 13.</summary>
    private const double Zoom = 12, CentreLon = 102.65, CentreLat = 28.05;

    [Fact]
    public async Task A_polygon_drawn_around_a_village_shows_the_same_figures_as_the_region_API()
    {
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 8, 1280, 800);
        var (page, viewer) = (scenario.Browser.Page, scenario.Viewer);
        await scenario.OpenAsync($"/?mode=planner#{Zoom}/{CentreLat}/{CentreLon}");
        await Assertions.Expect(viewer.Planner).ToContainTextAsync("圈选区域分析");

        var query = page.WaitForRequestAsync(r => r.Url.EndsWith("/api/regions/query") && r.Method == "POST");
        await DrawPolygonAsync(viewer, [(102.62, 28.02), (102.68, 28.02), (102.68, 28.08), (102.62, 28.08)]);
        var body = (await query).PostData!;

        var api = await QueryAsync(scenario, body);
        var figures = api.GetProperty("figures");
        Assert.Equal(20, figures.GetProperty("households").GetInt32());
        await Assertions.Expect(viewer.RegionFigure("households")).ToHaveTextAsync(figures.GetProperty("households").GetInt32().ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(viewer.RegionFigure("shareAtLeastTwo")).ToHaveTextAsync(Percent(figures.GetProperty("shareAtLeastTwo").GetDouble()));
        await Assertions.Expect(viewer.RegionFigure("level2")).ToHaveTextAsync(figures.GetProperty("level2").GetInt32().ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(viewer.RegionUnits).ToContainTextAsync("南坪村");
        await Assertions.Expect(viewer.RegionUnits).ToContainTextAsync("部分");
        Assert.Equal(1, api.GetProperty("sites").GetArrayLength());
        await Assertions.Expect(viewer.RegionSites).ToContainTextAsync("南坪安置点");
        await Assertions.Expect(viewer.VisitStatus).ToContainTextAsync("共 8 户");
        await Assertions.Expect(viewer.VisitList.Locator("li")).ToHaveCountAsync(8);
        await Assertions.Expect(viewer.ExportButtons.Locator("button")).ToHaveCountAsync(4);

        await viewer.SaveName.FillAsync("南坪河谷");
        await viewer.SaveButton.ClickAsync();
        await Assertions.Expect(viewer.SaveStatus).ToContainTextAsync("已保存: 南坪河谷");

        await viewer.Planner.EvaluateAsync("panel => panel.scrollTop = 0");
        await viewer.WaitUntilIdleAsync();
        await viewer.SaveScreenshotAsync("viewer-planner.png");
        Assert.Empty(scenario.Browser.OffHost(scenario.Url));
    }

    [Fact]
    public async Task A_role_refused_the_household_list_sees_a_clear_message_and_no_household_exports_for_rectangles_and_circles()
    {
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 8, 1280, 800);
        var (page, viewer) = (scenario.Browser.Page, scenario.Viewer);
        // What the server will answer once authentication lands and the role may not see households.
        await page.RouteAsync("**/api/regions/households*", route => route.FulfillAsync(new()
        {
            Status = 403, ContentType = "application/problem+json", Body = """{"title":"Forbidden","status":403}""",
        }));
        await scenario.OpenAsync($"/?mode=planner&lang=en#{Zoom}/{CentreLat}/{CentreLon}");

        await viewer.DrawShape("rectangle").ClickAsync();
        var box = (await viewer.Map.BoundingBoxAsync())!;
        var (x1, y1) = Pixel(box, 102.62, 28.08);
        var (x2, y2) = Pixel(box, 102.68, 28.02);
        await page.Mouse.ClickAsync(x1, y1);
        await page.Mouse.MoveAsync(x2, y2, new() { Steps = 5 });
        await page.Mouse.ClickAsync(x2, y2);

        await Assertions.Expect(viewer.RegionFigure("households")).ToHaveTextAsync("20");
        await Assertions.Expect(viewer.VisitStatus).ToHaveTextAsync("Your role is not allowed to see the household list");
        await Assertions.Expect(viewer.ExportButtons.Locator("button")).ToHaveCountAsync(2);
        var rectangleArea = await viewer.RegionFigure("regionArea").InnerTextAsync();

        // A circle around the same households replaces the rectangle.
        await viewer.DrawShape("circle").ClickAsync();
        var (cx, cy) = Pixel(box, CentreLon, CentreLat);
        var (ex, ey) = Pixel(box, CentreLon + 0.02, CentreLat);
        await page.Mouse.ClickAsync(cx, cy);
        await page.Mouse.MoveAsync(ex, ey, new() { Steps = 5 });
        await page.Mouse.ClickAsync(ex, ey);
        await Assertions.Expect(viewer.RegionFigure("regionArea")).Not.ToHaveTextAsync(rectangleArea);
        await Assertions.Expect(viewer.RegionFigure("households")).ToHaveTextAsync("20");
        await viewer.VisitStatus.ScrollIntoViewIfNeededAsync();
        await viewer.WaitUntilIdleAsync();
        await viewer.SaveScreenshotAsync("viewer-planner-refused-list.png");
    }

    [Fact]
    public async Task A_self_intersecting_outline_is_refused_with_the_servers_reason_in_the_panel()
    {
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 0, 1280, 800);
        var viewer = scenario.Viewer;
        await scenario.OpenAsync($"/?mode=planner#{Zoom}/{CentreLat}/{CentreLon}");

        await DrawPolygonAsync(viewer, [(102.62, 28.02), (102.68, 28.08), (102.68, 28.02), (102.62, 28.08)]);

        await Assertions.Expect(viewer.RegionStatus).ToContainTextAsync("无法统计该区域: Self-intersecting polygon");
        await Assertions.Expect(viewer.Planner.Locator("[data-testid=region-figures]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_desk_opens_planner_mode_from_its_button()
    {
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 0, 1280, 800);
        await scenario.OpenAsync("/");
        await scenario.Viewer.OpenPlanner.ClickAsync();
        await Assertions.Expect(scenario.Viewer.Planner).ToContainTextAsync("圈选区域分析");
        Assert.Contains("mode=planner", scenario.Browser.Page.Url);
    }

    /// <summary>Clicks the corners, then the first corner again, which closes the polygon.</summary>
    private static async Task DrawPolygonAsync(ViewerPage viewer, (double Lon, double Lat)[] corners)
    {
        var box = (await viewer.Map.BoundingBoxAsync())!;
        foreach (var (lon, lat) in corners.Append(corners[0]))
        {
            var (x, y) = Pixel(box, lon, lat);
            await viewer.Page.Mouse.MoveAsync(x, y, new() { Steps = 3 });
            await viewer.Page.Mouse.ClickAsync(x, y);
            // Each corner redraws the outline: the next click comes once it is drawn, as a person's would.
            await viewer.WaitUntilIdleAsync();
        }
    }

    /// <summary>Where a place is drawn on the page: Web Mercator around the view's centre, 512-pixel tiles (MapLibre's).</summary>
    private static (float X, float Y) Pixel(LocatorBoundingBoxResult map, double lon, double lat)
    {
        var worldPixels = 512 * Math.Pow(2, Zoom);
        static double MercatorY(double lat) => Math.Log(Math.Tan(Math.PI / 4 + lat * Math.PI / 360)) / (2 * Math.PI);
        var dx = (lon - CentreLon) / 360 * worldPixels;
        var dy = (MercatorY(CentreLat) - MercatorY(lat)) * worldPixels;
        return ((float)(map.X + map.Width / 2 + dx), (float)(map.Y + map.Height / 2 + dy));
    }

    private static async Task<JsonElement> QueryAsync(ViewerScenario scenario, string body)
    {
        using var http = scenario.Http();
        var response = await http.PostAsync("/api/regions/query", new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A share as the Chinese panel prints it: one decimal and a per cent sign.</summary>
    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
