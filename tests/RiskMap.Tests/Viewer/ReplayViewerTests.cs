using Microsoft.Playwright;
using RiskMap.Tests.Infrastructure;
using RiskMap.Tests.Live;

namespace RiskMap.Tests.Viewer;

/// <summary>Replay on the desk: the map drawn as the figures were at an earlier moment, then live again.</summary>
public sealed class ReplayViewerTests
{
    [Fact]
    public async Task Replay_DrawsAVillageAndItsCardAsTheyWereBeforeItsChange_AndBackToLiveDrawsThemAsTheyAreNow()
    {
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 0, 1280, 800);
        var (browser, viewer) = (scenario.Browser, scenario.Viewer);
        // A flood: 12 of 南坪村's 20 households fall to level II, before the page opens (red in its tiles).
        await scenario.SetNanpingPoorAsync(12, poorRelocated: true);
        await scenario.OpenAsync("/#12/28.05/102.65");
        var map = (await viewer.Map.BoundingBoxAsync())!;
        // Inside the village, away from its name, its alert marker and the site at its centre.
        var (x, y) = (map.X + map.Width / 2 - 150, map.Y + map.Height / 2 + 120);
        await ViewerServer.EventuallyAsync(async () => IsRed(await viewer.PixelAsync(x, y)), TimeSpan.FromSeconds(20), "南坪村 drawn red, live");
        await Assertions.Expect(viewer.AlertMarkerAt(TestUnits.VillageA1)).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await browser.Page.Mouse.ClickAsync(x, y);
        await Assertions.Expect(viewer.UnitCardName).ToHaveTextAsync("南坪村", new() { Timeout = 20_000 });
        await Assertions.Expect(viewer.UnitCardFigure("level2")).ToHaveTextAsync("12");

        await viewer.ReplayToggle.ClickAsync();

        // The replay starts one change back: before the flood, when 南坪村 was green.
        await Assertions.Expect(viewer.ReplayBar).ToHaveAttributeAsync("data-at", new System.Text.RegularExpressions.Regex("^20"), new() { Timeout = 20_000 });
        await Assertions.Expect(viewer.ReplayTime).ToContainTextAsync("回放");
        await ViewerServer.EventuallyAsync(async () => IsGreen(await viewer.PixelAsync(x, y)), TimeSpan.FromSeconds(20), "南坪村 drawn green as it was");
        // The open alert belongs to the present, not to the moment replayed, when none was open there.
        await Assertions.Expect(viewer.AlertMarkerAt(TestUnits.VillageA1)).ToBeHiddenAsync();
        await Assertions.Expect(viewer.ReplayMarkerAt(TestUnits.VillageA1)).ToHaveCountAsync(0);
        // The open card shows the village as it was then too, with only the figures history keeps.
        await Assertions.Expect(viewer.UnitCardReplay).ToContainTextAsync("回放");
        await Assertions.Expect(viewer.UnitCardFigure("level2")).ToHaveTextAsync("0");
        await Assertions.Expect(viewer.UnitCardFigure("households")).ToHaveTextAsync("20");
        await Assertions.Expect(viewer.UnitCardFigure("gapUnassisted")).ToHaveCountAsync(0);
        await viewer.SaveScreenshotAsync("viewer-replay.png");

        // One change on: the flood again.
        await viewer.ReplayForward.ClickAsync();
        await ViewerServer.EventuallyAsync(async () => IsRed(await viewer.PixelAsync(x, y)), TimeSpan.FromSeconds(20), "南坪村 drawn red after the change");
        await Assertions.Expect(viewer.UnitCardFigure("level2")).ToHaveTextAsync("12");
        // the flood is the last change: nothing further to step on to
        await Assertions.Expect(viewer.ReplayForward).ToBeDisabledAsync();
        // … and its scale alert, open from that moment, has its marker
        await Assertions.Expect(viewer.ReplayMarkerAt(TestUnits.VillageA1)).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await viewer.ReplayBack.ClickAsync();
        await ViewerServer.EventuallyAsync(async () => IsGreen(await viewer.PixelAsync(x, y)), TimeSpan.FromSeconds(20), "南坪村 green again one change back");
        await viewer.ReplayLive.ClickAsync();

        await Assertions.Expect(viewer.ReplayBar).ToHaveCountAsync(0);
        await Assertions.Expect(viewer.ReplayMarkerAt(TestUnits.VillageA1)).ToHaveCountAsync(0);
        await ViewerServer.EventuallyAsync(async () => IsRed(await viewer.PixelAsync(x, y)), TimeSpan.FromSeconds(20), "南坪村 drawn red, live again");
        await Assertions.Expect(viewer.AlertMarkerAt(TestUnits.VillageA1)).ToBeVisibleAsync();
        // and the card is live again, with every figure
        await Assertions.Expect(viewer.UnitCardReplay).ToHaveCountAsync(0);
        await Assertions.Expect(viewer.UnitCardFigure("gapUnassisted")).ToHaveCountAsync(1);
        await Assertions.Expect(viewer.UnitCardFigure("level2")).ToHaveTextAsync("12");
    }

    [Fact]
    public async Task A_link_with_a_moment_opens_the_desk_replaying_that_moment_and_live_again_drops_it_from_the_address()
    {
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 0, 1280, 800);
        var (browser, viewer) = (scenario.Browser, scenario.Viewer);
        await Task.Delay(50);
        var beforeFlood = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await scenario.SetNanpingPoorAsync(12, poorRelocated: true);

        await scenario.OpenAsync($"/?asOf={Uri.EscapeDataString(beforeFlood.ToString("O"))}#12/28.05/102.65");
        var map = (await viewer.Map.BoundingBoxAsync())!;
        var (x, y) = (map.X + map.Width / 2 - 150, map.Y + map.Height / 2 + 120);

        await Assertions.Expect(viewer.ReplayBar).ToHaveAttributeAsync("data-at", beforeFlood.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), new() { Timeout = 20_000 });
        await ViewerServer.EventuallyAsync(async () => IsGreen(await viewer.PixelAsync(x, y)), TimeSpan.FromSeconds(20), "南坪村 drawn green as it was before the flood");
        Assert.Contains("asOf=", browser.Page.Url);
        Assert.Contains("#12/", browser.Page.Url);

        await viewer.ReplayLive.ClickAsync();

        await ViewerServer.EventuallyAsync(async () => IsRed(await viewer.PixelAsync(x, y)), TimeSpan.FromSeconds(20), "南坪村 drawn red, live");
        Assert.DoesNotContain("asOf=", browser.Page.Url);
    }

    [Fact]
    public async Task Replay_ColoursAResettlementSiteByItsShareThen_NotByTodays()
    {
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 0, 1280, 800);
        var viewer = scenario.Viewer;
        // 南坪安置点 moved into a corner of 南坪村, away from its name and markers, and made large (3,000 registered households: the largest circle).
        await scenario.Db.ExecuteAsync("UPDATE resettlement_site SET geom = ST_SetSRID(ST_MakePoint(102.62, 28.02), 4326), relocated_households = 3000 WHERE site_id = 9001");
        // A flood: the 12 households at the site fall to level II (the site all red, the village red) …
        await scenario.SetNanpingPoorAsync(12, poorRelocated: true);
        // … then the site's households recover while 8 others of the village fall (the site green, the village yellow).
        await scenario.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 0)
            .Select((h, i) => i < 12 ? h with { Relocated = true, SiteId = ViewerScenario.NanpingSite }
                : h with { IncomePerCapita = LiveTestData.Poor, IncomeLastYear = LiveTestData.Poor })
            .ToArray());
        await scenario.OpenAsync("/#12/28.05/102.65");
        var map = (await viewer.Map.BoundingBoxAsync())!;
        var centre = (X: map.X + map.Width / 2, Y: map.Y + map.Height / 2);
        // 0.03° west and south of the centre at zoom 12 (512-pixel tiles): 174.8 pixels left, 198 down (Mercator at 28°).
        var site = (X: centre.X - 174.8, Y: centre.Y + 198.0);
        var village = (X: site.X + 60, Y: site.Y - 60);
        await ViewerServer.EventuallyAsync(async () => IsGreen(await viewer.PixelAsync(site)), TimeSpan.FromSeconds(20), "the site green, live");
        await ViewerServer.EventuallyAsync(async () => !IsGreen(await viewer.PixelAsync(village)), TimeSpan.FromSeconds(20), "the village around it not green, live");

        await viewer.ReplayToggle.ClickAsync();

        // One change back: the flood, when the site was all red.
        await Assertions.Expect(viewer.ReplayBar).ToHaveAttributeAsync("data-at", new System.Text.RegularExpressions.Regex("^20"), new() { Timeout = 20_000 });
        await ViewerServer.EventuallyAsync(async () => IsRed(await viewer.PixelAsync(site)), TimeSpan.FromSeconds(20), "the site red as it was at the flood");
        await viewer.SaveScreenshotAsync("viewer-replay-site.png");
        await viewer.ReplayForward.ClickAsync();
        await ViewerServer.EventuallyAsync(async () => IsGreen(await viewer.PixelAsync(site)), TimeSpan.FromSeconds(20), "the site green again after its recovery");
        Assert.False(IsGreen(await viewer.PixelAsync(village)), "the village around the site is not green then");
        await viewer.ReplayBack.ClickAsync();
        await ViewerServer.EventuallyAsync(async () => IsRed(await viewer.PixelAsync(site)), TimeSpan.FromSeconds(20), "the site red again one change back");
        await viewer.ReplayLive.ClickAsync();

        await ViewerServer.EventuallyAsync(async () => IsGreen(await viewer.PixelAsync(site)), TimeSpan.FromSeconds(20), "the site green, live again");
    }

    private static bool IsRed((int R, int G, int B) p) => p.R > 150 && p.R > p.G + 60;

    private static bool IsGreen((int R, int G, int B) p) => p.G > p.R + 40;
}
