using Microsoft.Playwright;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Viewer;

/// <summary>The desk viewer on a real server: changes arrive over the hub and show without reloading what need not be.</summary>
public sealed class LiveViewerTests
{
    [Fact]
    public async Task A_household_change_shows_its_alert_and_recolours_the_village_without_a_request_for_its_tile()
    {
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 0, 1280, 800);
        var (browser, viewer) = (scenario.Browser, scenario.Viewer);

        // Zoom 12 over 南坪村 (102.6–102.7 E, 28.0–28.1 N): the village fills the middle of the map.
        await scenario.OpenAsync("/#12/28.05/102.65");
        var map = (await viewer.Map.BoundingBoxAsync())!;
        // Inside the village, away from its name, its alert marker and the site at its centre.
        var (x, y) = (map.X + map.Width / 2 - 150, map.Y + map.Height / 2 + 120);
        var before = await viewer.PixelAsync(x, y);
        Assert.True(before.G > before.R + 40, $"南坪村 should be drawn green before the change, was {before}");
        var mark = browser.RequestCount;
        var sitesRefetched = browser.Page.WaitForRequestAsync(r => r.Url.Contains("/tiles/sites/"), new() { Timeout = 20_000 });

        // A flood: 12 of the 20 households, relocated to 南坪安置点, fall to level II.
        await scenario.SetNanpingPoorAsync(12, poorRelocated: true);

        await Assertions.Expect(viewer.AlertTicker).ToContainTextAsync("南坪村", new() { Timeout = 20_000 });
        await Assertions.Expect(viewer.AlertTicker).ToContainTextAsync("规模性返贫风险");
        await Assertions.Expect(browser.Page.Locator($"[data-testid=alert-marker][data-code='{TestUnits.VillageA1}']")).ToBeVisibleAsync();
        await ViewerServer.EventuallyAsync(async () =>
        {
            var now = await viewer.PixelAsync(x, y);
            return now.R > 150 && now.R > now.G + 60;
        }, TimeSpan.FromSeconds(20), "南坪村 drawn red");
        // TilesInvalidated was handled (the site's tiles, whose circles draw its figures, were refetched) …
        await sitesRefetched;
        await viewer.WaitUntilIdleAsync();
        await viewer.SaveScreenshotAsync("viewer-live-change.png");
        // … and the village's own tile was not: its colour came from the hub's figures.
        Assert.DoesNotContain(browser.RequestsSince(mark), u => u.Contains("/tiles/villages/"));
    }
}
