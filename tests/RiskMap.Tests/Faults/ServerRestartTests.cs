using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;
using RiskMap.Tests.Live;

namespace RiskMap.Tests.Faults;

public sealed class ServerRestartTests
{
    private static readonly Dictionary<string, string?> FastTick = new() { ["Live:Tick"] = "00:00:00.050" };

    [Fact]
    public async Task AfterAServerRestart_AlertsKeepTheirStatesAndTrails_AndALiveClientCatchesUpOnWhatItMissed()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, TimeProvider.System);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));
        var port = ServerProcess.FreePort();
        var first = new RiskMapFactory(db.ConnectionString, FastTick);
        var url = first.StartKestrel(port);
        var adminToken = await first.IssueTokenAsync(Role.Administrator, "513431");
        using var admin = new HttpClient { BaseAddress = new Uri(url) };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", adminToken);
        await using var wall = await LiveClient.ConnectAsync(url, await first.IssueTokenAsync(Role.Leader, "513431", TokenKind.Device));
        var version = (long)(await wall.SubscribeAsync(TestUnits.County))!["version"]!;
        var alert = (long)(await admin.GetFromJsonAsync<JsonObject>("/api/alerts"))!["alerts"]!.AsArray()
            .Single(a => (string?)a!["subjectId"] == TestUnits.VillageA1.ToString())!["alertId"]!;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/alerts/{alert}/acknowledge", new { by = "县长 吉某", comment = "入户排查" })).StatusCode);

        await first.DisposeAsync();
        // While the server is away, the next village falls too.
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA2, "A2", 20, 12));
        await using var second = new RiskMapFactory(db.ConnectionString, FastTick);
        Assert.Equal(url, second.StartKestrel(port));

        var detail = (await admin.GetFromJsonAsync<JsonObject>($"/api/alerts/{alert}"))!;
        Assert.Equal("acknowledged", (string?)detail["alert"]!["state"]);
        Assert.Equal(["→raised", "raised→acknowledged"], detail["events"]!.AsArray().Select(e => $"{(string?)e!["from"]}→{(string?)e["to"]}"));
        // The client reconnects (its token is still good) and resumes after what it saw.
        await wall.StopAsync();
        await wall.StartAsync();
        var catchUp = (await wall.ResumeAsync(TestUnits.County, version))!;
        Assert.False((bool)catchUp["reset"]!);
        Assert.Contains(catchUp["alerts"]!.AsArray(), a => (string?)a!["subjectId"] == TestUnits.VillageA2.ToString() && (string?)a["event"] == "raised");
        Assert.Contains(catchUp["alerts"]!.AsArray(), a => (long)a!["alertId"]! == alert && (string?)a["state"] == "acknowledged");
        Assert.Contains(catchUp["stats"]!.AsArray(), s => (string?)s!["id"] == TestUnits.VillageA2.ToString() && (int)s["level2"]! == 12);
    }
}
