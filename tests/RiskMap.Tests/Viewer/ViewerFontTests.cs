using Microsoft.Playwright;

namespace RiskMap.Tests.Viewer;

/// <summary>The viewer's font comes from RiskMap, not from the machine.</summary>
public sealed class ViewerFontTests
{
    [Fact]
    public async Task The_desk_draws_its_Chinese_in_Noto_Sans_SC_loaded_from_RiskMap_and_only_the_subsets_it_needs()
    {
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 0, 1280, 800);
        var (browser, page, viewer) = (scenario.Browser, scenario.Browser.Page, scenario.Viewer);
        await scenario.OpenAsync("/");
        await page.EvaluateAsync("document.fonts.ready");

        var loaded = await page.EvaluateAsync<string[]>(
            "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replace(/[\"']/g, '') + ' ' + f.weight)");
        Assert.Contains("Noto Sans SC 400", loaded);
        // Every subset these need is loaded: the legend's regular text, the ticker's bold title.
        Assert.True(await page.EvaluateAsync<bool>("document.fonts.check(\"16px 'Noto Sans SC'\", '国家乡村振兴重点帮扶县')"),
            "the legend's text is drawn in Noto Sans SC");
        Assert.True(await page.EvaluateAsync<bool>("document.fonts.check(\"bold 16px 'Noto Sans SC'\", '实时预警')"),
            "the ticker's bold title is drawn in Noto Sans SC");
        Assert.Contains("Noto Sans SC", await viewer.Legend.EvaluateAsync<string>("e => getComputedStyle(e).fontFamily"));

        var fonts = browser.RequestsSince(0).Where(u => u.EndsWith(".woff2")).ToArray();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, u => Assert.StartsWith(scenario.Url + "/assets/", u));
        // ~100 subsets per weight, two weights: a screen loads those of the characters it shows.
        Assert.InRange(fonts.Length, 1, 60);

        using var http = new HttpClient();
        using var response = await http.GetAsync(fonts[0]);
        response.EnsureSuccessStatusCode();
        Assert.Equal("font/woff2", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        Assert.Empty(browser.OffHost(scenario.Url));
    }
}
