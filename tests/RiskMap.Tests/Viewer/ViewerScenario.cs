using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;
using RiskMap.Tests.Live;

namespace RiskMap.Tests.Viewer;

/// <summary>
/// What a browser test of the viewer stands on: its own database with the test units, 南坪村
/// (<see cref="TestUnits.VillageA1"/>, 20 households) beside 200 comfortable households in 谷曲村, a
/// real server on a loopback port serving the built viewer, and a Chromium page that opens it with an
/// administrator's token (as a link from ./riskmap demo or an administrator does).
/// </summary>
internal sealed class ViewerScenario(TestDatabase db, TestServices services, RiskMapFactory server, int port, BrowserSession browser)
    : IAsyncDisposable
{
    private RiskMapFactory _server = server;

    /// <summary>The server's address, the same after <see cref="StartServerAgain"/>.</summary>
    public string Url { get; } = $"http://127.0.0.1:{port}";
    public BrowserSession Browser => browser;
    public TestDatabase Db => db;

    /// <summary>The token the page was opened with (an administrator of the whole country: nothing withheld).</summary>
    public string Token { get; private set; } = "";
    public ViewerPage Viewer => browser.Viewer;

    /// <param name="poorInNanping">How many of 南坪村's 20 households are at level II (more than 10: a red village and a scale alert).</param>
    /// <param name="width">The page's width in pixels.</param>
    /// <param name="height">The page's height in pixels.</param>
    /// <param name="settings">Server settings beside the browser tests' own.</param>
    public static async Task<ViewerScenario> StartAsync(int poorInNanping, int width, int height, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        var services = await TestServices.CreateAsync(db, TimeProvider.System);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageB1, "B1", 200, 0));
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, poorInNanping));
        // A fixed port, so a test can stop the server and start another where the page expects it.
        var port = ServerProcess.FreePort();
        var server = ViewerServer.Create(db, settings);
        var scenario = new ViewerScenario(db, services, server, port, await BrowserSession.OpenAsync(width, height));
        Assert.Equal(scenario.Url, server.StartKestrel(port));
        scenario.Token = await server.IssueTokenAsync(Role.Administrator);
        return scenario;
    }

    /// <summary>Opens <paramref name="path"/> (with its query and hash) and waits until the map is drawn and the screen is live.</summary>
    public async Task OpenAsync(string path)
    {
        await browser.Page.GotoAsync(Url + WithToken(path, Token));
        await Viewer.WaitUntilIdleAsync();
        await Viewer.WaitForConnectionAsync("live");
    }

    /// <summary><paramref name="path"/> with <c>token=</c> added to its query (before any #fragment).</summary>
    public static string WithToken(string path, string token)
    {
        var hash = path.IndexOf('#');
        var (main, fragment) = hash < 0 ? (path, "") : (path[..hash], path[hash..]);
        return $"{main}{(main.Contains('?') ? '&' : '?')}token={Uri.EscapeDataString(token)}{fragment}";
    }

    /// <summary>A token for another account of the server (a leader, a planner) to open the page with.</summary>
    public Task<string> IssueTokenAsync(Role role, string scope = "all") => _server.IssueTokenAsync(role, scope);

    /// <summary>An HTTP client to the server with the page's token.</summary>
    public HttpClient Http()
    {
        var http = new HttpClient { BaseAddress = new Uri(Url) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        return http;
    }

    /// <summary>南坪安置点, the resettlement site in 南坪村 (<see cref="TestUnits.InsertAsync"/>).</summary>
    public const long NanpingSite = 9001;

    /// <summary>
    /// Writes 南坪村 again with <paramref name="poor"/> of its 20 households at level II, as the ingest path would;
    /// with <paramref name="poorRelocated"/> those live at 南坪安置点, so the site's figures change too.
    /// </summary>
    public Task SetNanpingPoorAsync(int poor, bool poorRelocated = false) => services.WriteAsync(
        LiveTestData.Village(TestUnits.VillageA1, "A1", 20, poor)
            .Select((h, i) => poorRelocated && i < poor ? h with { Relocated = true, SiteId = NanpingSite } : h)
            .ToArray());

    /// <summary>Writes households as the ingest path would (assessed, figures and alerts follow).</summary>
    public Task WriteAsync(params RiskMap.Geodata.Domain.Household[] households) => services.WriteAsync(households);

    /// <summary>Stops the server (its clients lose their connections).</summary>
    public ValueTask StopServerAsync() => _server.DisposeAsync();

    /// <summary>Starts a new server on the same port and database.</summary>
    public void StartServerAgain()
    {
        _server = ViewerServer.Create(db);
        Assert.Equal(Url, _server.StartKestrel(port));
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        await _server.DisposeAsync();
        await services.DisposeAsync();
        await db.DisposeAsync();
    }
}
