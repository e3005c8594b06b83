using Microsoft.Playwright;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Viewer;

/// <summary>The desk's alert filter: what it hides leaves the ticker and the map, is counted, and is remembered.</summary>
public sealed class AlertFilterTests
{
    [Fact]
    public async Task The_desk_shows_red_alerts_by_default_counts_the_hidden_yellow_ones_and_the_filter_brings_them_back()
    {
        // 南坪村: 12 of 20 households at level II, a red scale alert.
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 12, 1280, 800);
        var (page, viewer) = (scenario.Browser.Page, scenario.Viewer);
        await scenario.OpenAsync("/#11/28.1/102.7");
        await Assertions.Expect(viewer.AlertMarkerAt(TestUnits.VillageA1)).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // A household of 谷曲村 at level III without assistance: a yellow household alert.
        await scenario.WriteAsync(TestUnits.Household("B1-poorest", TestUnits.VillageB1, 1000));

        await Assertions.Expect(viewer.AlertHiddenCount).ToContainTextAsync("1", new() { Timeout = 20_000 });
        await Assertions.Expect(viewer.AlertTicker).ToContainTextAsync("南坪村");
        await Assertions.Expect(viewer.AlertTicker).Not.ToContainTextAsync("谷曲村");
        await Assertions.Expect(viewer.AlertMarkerAt(TestUnits.VillageB1)).ToHaveCountAsync(0);

        await viewer.AlertFilter.Locator("summary").ClickAsync();
        await Assertions.Expect(viewer.AlertFilterOption("household").Locator("xpath=..")).ToContainTextAsync("1");
        await viewer.AlertFilterOption("yellow").CheckAsync();

        await Assertions.Expect(viewer.AlertTicker).ToContainTextAsync("谷曲村");
        await Assertions.Expect(viewer.AlertTicker).ToContainTextAsync("高警户未帮扶");
        await Assertions.Expect(viewer.AlertMarkerAt(TestUnits.VillageB1)).ToBeVisibleAsync();
        await Assertions.Expect(viewer.AlertHiddenCount).ToHaveCountAsync(0);

        // Villages' scale alerts off: 南坪村 leaves the ticker and the map, 谷曲村 stays.
        await viewer.AlertFilterOption("scale-village").UncheckAsync();
        await Assertions.Expect(viewer.AlertMarkerAt(TestUnits.VillageA1)).ToHaveCountAsync(0);
        await Assertions.Expect(viewer.AlertTicker.Locator("[data-testid=alert-ticker-item]", new() { HasText = "南坪村" })).ToHaveCountAsync(0);
        await Assertions.Expect(viewer.AlertMarkerAt(TestUnits.VillageB1)).ToBeVisibleAsync();
        await viewer.SaveScreenshotAsync("viewer-alert-filter.png");

        // Remembered: a reload keeps the choice.
        await page.ReloadAsync();
        await viewer.WaitUntilIdleAsync();
        await Assertions.Expect(viewer.AlertMarkerAt(TestUnits.VillageB1)).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(viewer.AlertMarkerAt(TestUnits.VillageA1)).ToHaveCountAsync(0);
        await Assertions.Expect(viewer.AlertTicker).ToContainTextAsync("谷曲村");
    }
}
