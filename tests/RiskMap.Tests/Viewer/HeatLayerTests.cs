using Microsoft.Playwright;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Viewer;

/// <summary>The desk's risk heat layer: off at first, switched on it draws the risk-heat tiles.</summary>
public sealed class HeatLayerTests
{
    [Fact]
    public async Task Switching_the_heat_layer_on_loads_risk_heat_tiles_and_draws_heat_where_households_are_at_risk()
    {
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 0, 1280, 800);
        var (browser, viewer) = (scenario.Browser, scenario.Viewer);
        // Six households of 洒拉地坡村 at level III (too few for a scale alert), at its middle; 谷曲村's 200 are comfortable.
        await scenario.WriteAsync(Enumerable.Range(0, 6).Select(i => TestUnits.Household($"B2-{i}", TestUnits.VillageB2, 1000)).ToArray());
        await scenario.OpenAsync("/#10/28.15/102.7");
        Assert.DoesNotContain(browser.RequestsSince(0), u => u.Contains("/tiles/risk-heat"));
        await Assertions.Expect(viewer.HeatToggle).ToHaveAttributeAsync("aria-pressed", "false");
        var poor = await viewer.ScreenPointAsync(102.75, 28.15);
        var comfortable = await viewer.ScreenPointAsync(102.65, 28.15);
        Assert.True(await viewer.MostRedAroundAsync(poor, 10) < 0, "洒拉地坡村 is drawn green before the heat is on");

        var heatTiles = browser.Page.WaitForRequestAsync(r => r.Url.Contains("/tiles/risk-heat/"), new() { Timeout = 20_000 });
        await viewer.HeatToggle.ClickAsync();
        await heatTiles;
        await viewer.WaitUntilIdleAsync();

        await Assertions.Expect(viewer.HeatToggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(viewer.Legend.Locator("[data-testid=legend-heat]")).ToBeVisibleAsync();
        var heat = await viewer.MostRedAroundAsync(poor, 10);
        Assert.True(heat > 40, $"heat drawn red over the six households at level III (red − green {heat})");
        // Many comfortable households are not heat: the mean score counts, not the head count.
        var calm = await viewer.MostRedAroundAsync(comfortable, 10);
        Assert.True(calm < 0, $"谷曲村's 200 comfortable households stay green (red − green {calm})");
        await viewer.SaveScreenshotAsync("viewer-heat.png");

        await viewer.HeatToggle.ClickAsync();
        await viewer.WaitUntilIdleAsync();
        await Assertions.Expect(viewer.Legend.Locator("[data-testid=legend-heat]")).ToHaveCountAsync(0);
        Assert.True(await viewer.MostRedAroundAsync(poor, 10) < 0, "the heat is gone once switched off");
    }
}
