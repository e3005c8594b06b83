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
        // The characters on screen come from loaded Noto Sans SC faces (font-display: swap, so they may
        // arrive just after the map is drawn): the legend's regular text, the ticker's bold title.
        await ViewerServer.EventuallyAsync(async () => (await UncoveredAsync(page, "国家乡村振兴重点帮扶县", "400")).Length == 0,
            TimeSpan.FromSeconds(15), "the legend's characters in loaded Noto Sans SC 400 subsets");
        await ViewerServer.EventuallyAsync(async () => (await UncoveredAsync(page, "实时预警", "700")).Length == 0,
            TimeSpan.FromSeconds(15), "the ticker title's characters in loaded Noto Sans SC 700 subsets");
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

    /// <summary>The characters of <paramref name="text"/> no loaded Noto Sans SC face of <paramref name="weight"/> covers (by its unicode-range).</summary>
    private static Task<string[]> UncoveredAsync(IPage page, string text, string weight) => page.EvaluateAsync<string[]>("""
        ([text, weight]) => [...text].filter(ch => ![...document.fonts].some(f =>
          f.family.replace(/["']/g, "") === "Noto Sans SC" && f.weight === weight && f.status === "loaded" &&
          f.unicodeRange.split(",").some(r => {
            const [a, b] = r.trim().replace(/^U\+/i, "").split("-");
            const lo = parseInt(a, 16), hi = b ? parseInt(b, 16) : lo, c = ch.codePointAt(0);
            return c >= lo && c <= hi;
          })))
        """, new[] { text, weight });
}
