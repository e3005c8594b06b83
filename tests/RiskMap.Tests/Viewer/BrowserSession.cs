using Microsoft.Playwright;

namespace RiskMap.Tests.Viewer;

/// <summary>
/// One headless Chromium page on the viewer, recording every request it makes (in order), so a
/// test can ask what was fetched after a moment it marked.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _requests = [];

    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        Viewer = new ViewerPage(page);
        page.Request += (_, request) => { lock (_requests) _requests.Add(request.Url); };
    }

    public IPage Page { get; }
    public ViewerPage Viewer { get; }

    public static async Task<BrowserSession> OpenAsync(int width, int height)
    {
        // What a page shows waits on the server and PostgreSQL, which share two cores with the whole
        // test run (and, on a developer machine, with everything else): a screen that gets there in
        // 20 s passes; Playwright's default of 5 s failed drawn regions under a load average of 40.
        Assertions.SetDefaultExpectTimeout(20_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await ViewerPage.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        return new BrowserSession(playwright, browser, page);
    }

    /// <summary>How many requests so far: a mark for <see cref="RequestsSince"/>.</summary>
    public int RequestCount { get { lock (_requests) return _requests.Count; } }

    public string[] RequestsSince(int mark) { lock (_requests) return _requests.Skip(mark).ToArray(); }

    /// <summary>Requests that left the server under test (data: and blob: URLs stay in the page).</summary>
    public string[] OffHost(string serverUrl) =>
        RequestsSince(0).Where(u => !(u.StartsWith(serverUrl + "/") || u.StartsWith("data:") || u.StartsWith("blob:"))).ToArray();

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
