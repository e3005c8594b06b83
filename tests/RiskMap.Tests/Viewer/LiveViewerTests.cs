using Microsoft.Playwright;
using RiskMap.Tests.Infrastructure;
using RiskMap.Tests.Live;

namespace RiskMap.Tests.Viewer;

/// <summary>The desk viewer on a real server: changes arrive over the hub and show without reloading what need not be.</summary>
public sealed class LiveViewerTests
{
    [Fact]
    public async Task A_household_change_shows_its_alert_and_recolours_the_village_without_a_request_for_its_tile()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, TimeProvider.System);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageB1, "B1", 200, 0));
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 0));
        await using var server = ViewerServer.Create(db);
        var url = server.StartKestrel();
        await using var browser = await BrowserSession.OpenAsync(1280, 800);
        var viewer = browser.Viewer;

        // Zoom 12 over 南坪村 (102.6–102.7 E, 28.0–28.1 N): the village fills the middle of the map.
        await browser.Page.GotoAsync(url + "/#12/28.05/102.65");
        await viewer.WaitUntilIdleAsync();
        await viewer.WaitForConnectionAsync("live");
        var map = (await viewer.Map.BoundingBoxAsync())!;
        // Inside the village, away from its name, its alert marker and the site at its centre.
        var (x, y) = (map.X + map.Width / 2 - 150, map.Y + map.Height / 2 + 120);
        var before = await viewer.PixelAsync(x, y);
        Assert.True(before.G > before.R + 40, $"南坪村 should be drawn green before the change, was {before}");
        var mark = browser.RequestCount;
        var labelsRefetched = browser.Page.WaitForRequestAsync(r => r.Url.Contains("/tiles/labels/"), new() { Timeout = 20_000 });

        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));

        await Assertions.Expect(viewer.AlertTicker).ToContainTextAsync("南坪村", new() { Timeout = 20_000 });
        await Assertions.Expect(viewer.AlertTicker).ToContainTextAsync("规模性返贫风险");
        await Assertions.Expect(browser.Page.Locator($"[data-testid=alert-marker][data-code='{TestUnits.VillageA1}']")).ToBeVisibleAsync();
        await ViewerServer.EventuallyAsync(async () =>
        {
            var now = await viewer.PixelAsync(x, y);
            return now.R > 150 && now.R > now.G + 60;
        }, TimeSpan.FromSeconds(20), "南坪村 drawn red");
        // TilesInvalidated was handled (the labels over the village were refetched) …
        await labelsRefetched;
        await viewer.WaitUntilIdleAsync();
        await viewer.SaveScreenshotAsync("viewer-live-change.png");
        // … and the village's own tile was not: its colour came from the hub's figures.
        Assert.DoesNotContain(browser.RequestsSince(mark), u => u.Contains("/tiles/villages/"));
    }
}
