using Microsoft.Playwright;
using RiskMap.Tests.Infrastructure;
using RiskMap.Tests.Live;

namespace RiskMap.Tests.Viewer;

/// <summary>The desk's ways to a unit: search by name or code, and drilling county → township → village with a breadcrumb back.</summary>
public sealed class DeskNavigationTests
{
    /// <summary>A card waits on the API; on a busy machine that can take longer than Playwright's default 5 s.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 20_000 };

    [Fact]
    public async Task Searching_a_village_by_name_lists_it_with_its_place_and_enter_flies_to_it_and_opens_its_card()
    {
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 0, 1280, 800);
        var (page, viewer) = (scenario.Browser.Page, scenario.Viewer);
        await scenario.OpenAsync("/#7/28.1/102.7");

        await viewer.UnitSearch.FillAsync("谷曲");
        await Assertions.Expect(viewer.UnitSearchResults).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        // The township first (coarser), each with the place it lies in.
        await Assertions.Expect(viewer.UnitSearchResults.Nth(0)).ToContainTextAsync("谷曲镇");
        await Assertions.Expect(viewer.UnitSearchResults.Nth(1)).ToContainTextAsync("谷曲村");
        await Assertions.Expect(viewer.UnitSearchResults.Nth(1)).ToContainTextAsync("昭觉县 › 谷曲镇");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(viewer.UnitSearchResults).ToHaveCountAsync(0);

        await viewer.UnitSearch.FillAsync("南坪");
        await Assertions.Expect(viewer.UnitSearchResults).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await viewer.SaveScreenshotAsync("viewer-search.png");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(viewer.UnitSearchResults.Nth(0)).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(viewer.UnitCardName).ToHaveTextAsync("南坪村", Slow);
        await Assertions.Expect(viewer.BreadcrumbSteps.Last).ToHaveTextAsync("南坪村", Slow);
        await Assertions.Expect(viewer.Breadcrumb).ToContainTextAsync("昭觉县");
        // Flown to: 南坪村 (102.6–102.7 E, 28.0–28.1 N) in the middle of a view where villages are drawn.
        await ViewerServer.EventuallyAsync(async () =>
        {
            var (zoom, lat, lng) = await viewer.ViewAsync();
            return zoom >= 11 && Math.Abs(lat - 28.05) < 0.03 && Math.Abs(lng - 102.65) < 0.05;
        }, TimeSpan.FromSeconds(10), "the map over 南坪村");
    }

    [Fact]
    public async Task A_villages_card_shows_how_its_share_at_level_II_moved_and_its_most_common_risk_types()
    {
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 4, 1280, 800);
        var (page, viewer) = (scenario.Browser.Page, scenario.Viewer);
        // Later, 12 of 南坪村's 20 households at level II, 6 of them ill and 3 of those also flooded.
        await scenario.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12)
            .Select((h, i) => i < 6 ? h with { RiskTypes = i < 3 ? ["illness", "disaster_flood"] : ["illness"] } : h).ToArray());
        await scenario.OpenAsync("/#7/28.1/102.7");

        await viewer.UnitSearch.FillAsync("南坪");
        await Assertions.Expect(viewer.UnitSearchResults).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(viewer.UnitCardName).ToHaveTextAsync("南坪村");
        var trend = page.Locator("[data-testid=unit-card-trend]");
        await Assertions.Expect(trend).ToBeVisibleAsync();
        await Assertions.Expect(trend).ToContainTextAsync("中警及以上占比趋势");
        // From 20 % (a third of the way up the 48-unit box from 60 %) to 60 %, the top of the box.
        Assert.Matches(@"^M0,32( H[\d.]+ V[\d.]+)* H260 V0$", await trend.Locator("path").GetAttributeAsync("d") ?? "");
        var card = page.Locator("#card");
        await Assertions.Expect(card).ToContainTextAsync("主要风险类型");
        await Assertions.Expect(card).ToContainTextAsync("因病");
        await Assertions.Expect(card).ToContainTextAsync("6 (30.0%)");
        await Assertions.Expect(card).ToContainTextAsync("因灾(洪涝)");
        await viewer.SaveScreenshotAsync("viewer-card-trend.png");
    }

    [Fact]
    public async Task Clicking_a_county_shows_its_townships_a_township_its_villages_and_the_breadcrumb_goes_back_up()
    {
        // 南坪村 (in 新城镇, the south half of 昭觉县) red; 谷曲镇 (the north half) green.
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 12, 1280, 800);
        var (page, viewer) = (scenario.Browser.Page, scenario.Viewer);
        await scenario.OpenAsync("/#7/28.1/102.7");

        var county = await viewer.ScreenPointAsync(102.7, 28.1);
        await page.Mouse.ClickAsync((float)county.X, (float)county.Y);

        await Assertions.Expect(viewer.UnitCardName).ToHaveTextAsync("昭觉县", Slow);
        await Assertions.Expect(viewer.BreadcrumbSteps).ToHaveTextAsync(["凉山彝族自治州", "昭觉县"], Slow);
        await Assertions.Expect(viewer.UnitCardChild(TestUnits.TownshipA)).ToContainTextAsync("新城镇");
        await Assertions.Expect(viewer.UnitCardChild(TestUnits.TownshipB)).ToContainTextAsync("谷曲镇");
        // Zoomed to the county, at a zoom where a county alone would be one colour: its townships are drawn, each its own.
        await ViewerServer.EventuallyAsync(async () => (await viewer.ViewAsync()).Zoom is > 8 and < 9, TimeSpan.FromSeconds(10), "zoomed to the county");
        await viewer.WaitUntilIdleAsync();
        var south = await viewer.PixelAsync(await viewer.ScreenPointAsync(102.76, 28.02));
        var north = await viewer.PixelAsync(await viewer.ScreenPointAsync(102.76, 28.18));
        Assert.True(south.R > south.G + 60, $"新城镇 (red zone) drawn red, was {south}");
        Assert.True(north.G > north.R + 30, $"谷曲镇 (green zone) drawn green, was {north}");
        await viewer.SaveScreenshotAsync("viewer-drill-county.png");

        // A click on 新城镇 drills into it: its villages, 南坪村 red beside 城北村 green.
        var township = await viewer.ScreenPointAsync(102.75, 28.05);
        await page.Mouse.ClickAsync((float)township.X, (float)township.Y);
        await Assertions.Expect(viewer.UnitCardName).ToHaveTextAsync("新城镇", Slow);
        await Assertions.Expect(viewer.BreadcrumbSteps).ToHaveTextAsync(["凉山彝族自治州", "昭觉县", "新城镇"], Slow);
        await Assertions.Expect(viewer.UnitCardChild(TestUnits.VillageA1)).ToContainTextAsync("南坪村");
        await ViewerServer.EventuallyAsync(async () => (await viewer.ViewAsync()).Zoom is > 10 and < 11, TimeSpan.FromSeconds(10), "zoomed to the township");
        await viewer.WaitUntilIdleAsync();
        var nanping = await viewer.PixelAsync(await viewer.ScreenPointAsync(102.62, 28.03));
        var chengbei = await viewer.PixelAsync(await viewer.ScreenPointAsync(102.78, 28.03));
        Assert.True(nanping.R > nanping.G + 60, $"南坪村 drawn red, was {nanping}");
        Assert.True(chengbei.G > chengbei.R + 30, $"城北村 drawn green, was {chengbei}");
        await viewer.SaveScreenshotAsync("viewer-drill-township.png");

        // The card's list goes one further down, to a village.
        await viewer.UnitCardChild(TestUnits.VillageA1).ClickAsync();
        await Assertions.Expect(viewer.UnitCardName).ToHaveTextAsync("南坪村", Slow);
        await Assertions.Expect(viewer.BreadcrumbSteps).ToHaveTextAsync(["凉山彝族自治州", "昭觉县", "新城镇", "南坪村"], Slow);

        // Back up by the breadcrumb: the county again, then the prefecture.
        await viewer.BreadcrumbSteps.Nth(1).ClickAsync();
        await Assertions.Expect(viewer.UnitCardName).ToHaveTextAsync("昭觉县", Slow);
        await Assertions.Expect(viewer.BreadcrumbSteps).ToHaveTextAsync(["凉山彝族自治州", "昭觉县"], Slow);
        await viewer.BreadcrumbSteps.Nth(0).ClickAsync();
        await Assertions.Expect(viewer.UnitCardName).ToHaveTextAsync("凉山彝族自治州", Slow);
        await Assertions.Expect(viewer.BreadcrumbSteps).ToHaveCountAsync(1);
    }
}
