using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Live;

public sealed class AlertApiTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_alert_is_acknowledged_and_then_resolved_by_hand_with_every_step_in_its_audit_trail()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        var time = new ManualTimeProvider(Now);
        await using var services = await TestServices.CreateAsync(db, time);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageB1, "B1", 200, 0));
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));
        await using var server = new RiskMapFactory(db.ConnectionString, time: time);
        using var http = await server.CreateClientAsync(Role.Administrator);
        var open = await http.GetFromJsonAsync<JsonObject>($"/api/alerts?unit={TestUnits.TownshipA}");
        var id = (long)open!["alerts"]!.AsArray().Single(a => (string?)a!["subjectId"] == TestUnits.VillageA1.ToString())!["alertId"]!;

        time.Advance(TimeSpan.FromMinutes(5));
        var ack = await http.PostAsJsonAsync($"/api/alerts/{id}/acknowledge", new { by = "乡长 阿某", comment = "today we visit every household" });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        time.Advance(TimeSpan.FromMinutes(5));
        var resolved = await http.PostAsJsonAsync($"/api/alerts/{id}/resolve", new { by = "县长 吉某", reason = "临时救助已发放 (one-stop relief paid)" });
        var detail = (await resolved.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal("resolved", (string?)detail["alert"]!["state"]);
        Assert.Equal("县长 吉某", (string?)detail["alert"]!["resolvedBy"]);
        Assert.Equal("乡长 阿某", (string?)detail["alert"]!["acknowledgedBy"]);
        // The trail names the signed-in account beside the name given.
        Assert.Equal(
            ["system:→raised", "乡长 阿某 (administrator-1):raised→acknowledged", "县长 吉某 (administrator-1):acknowledged→resolved"],
            detail["events"]!.AsArray().Select(e => $"{(string?)e!["actor"]}:{(string?)e["from"]}→{(string?)e["to"]}"));
        Assert.Equal("临时救助已发放 (one-stop relief paid)", (string?)detail["events"]!.AsArray()[2]!["comment"]);
        Assert.Equal(Now.AddMinutes(10), (DateTimeOffset)detail["events"]!.AsArray()[2]!["at"]!);

        // Resolved by hand while 60 % are still at level II: no new alert until the share clears.
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 13));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM alert WHERE rule = 'scale' AND subject_id = $1", TestUnits.VillageA1));
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 3));
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM alert WHERE rule = 'scale' AND subject_id = $1", TestUnits.VillageA1));
    }

    [Fact]
    public async Task Acting_on_an_alert_without_a_name_on_a_resolved_alert_or_on_no_alert_is_refused_with_a_problem()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));
        var id = await db.ScalarAsync<long>("SELECT alert_id FROM alert WHERE rule = 'scale' AND subject_id = $1", TestUnits.VillageA1);
        await using var server = new RiskMapFactory(db.ConnectionString);
        using var http = await server.CreateClientAsync(Role.Administrator);

        var nameless = await http.PostAsJsonAsync($"/api/alerts/{id}/acknowledge", new { comment = "ok" });
        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
        Assert.Equal("by", (string?)(await nameless.Content.ReadFromJsonAsync<JsonObject>())!["field"]);
        var reasonless = await http.PostAsJsonAsync($"/api/alerts/{id}/resolve", new { by = "x" });
        Assert.Equal("reason", (string?)(await reasonless.Content.ReadFromJsonAsync<JsonObject>())!["field"]);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync("/api/alerts/999999/acknowledge", new { by = "x" })).StatusCode);
        await http.PostAsJsonAsync($"/api/alerts/{id}/resolve", new { by = "x", reason = "checked" });
        var late = await http.PostAsJsonAsync($"/api/alerts/{id}/acknowledge", new { by = "x" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("is resolved", (string?)(await late.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/alerts?state=closed")).StatusCode);
    }

    [Fact]
    public async Task The_alerts_open_at_a_moment_are_those_raised_by_then_and_not_yet_resolved_whatever_their_state_now()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        var time = new ManualTimeProvider(Now);
        await using var services = await TestServices.CreateAsync(db, time);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageB1, "B1", 200, 0));
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));   // raised at Now
        time.Advance(TimeSpan.FromMinutes(30));
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 3));    // cleared: resolved at Now + 30 min
        await using var server = new RiskMapFactory(db.ConnectionString, time: time);
        using var http = await server.CreateClientAsync(Role.Administrator);
        async Task<string[]> OpenAt(DateTimeOffset at) =>
            (await http.GetFromJsonAsync<JsonObject>($"/api/alerts?unit={TestUnits.County}&openAt={Uri.EscapeDataString(at.ToString("O"))}"))!["alerts"]!
                .AsArray().Select(a => $"{(string?)a!["subjectId"]}:{(string?)a["state"]}").ToArray();

        // the village's scale alert and its township's (12 of the township's 20 households), both resolved since
        Assert.Equal([$"{TestUnits.TownshipA}:resolved", $"{TestUnits.VillageA1}:resolved"], (await OpenAt(Now.AddMinutes(10))).Order());
        Assert.Empty(await OpenAt(Now.AddMinutes(-10)));
        Assert.Empty(await OpenAt(Now.AddMinutes(40)));
        Assert.Empty((await http.GetFromJsonAsync<JsonObject>($"/api/alerts?unit={TestUnits.County}"))!["alerts"]!.AsArray());
        var both = await http.GetAsync($"/api/alerts?state=open&openAt={Uri.EscapeDataString(Now.ToString("O"))}");
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal("state", (string?)(await both.Content.ReadFromJsonAsync<JsonObject>())!["field"]);
    }

    [Fact]
    public async Task A_write_that_raises_an_alert_gives_the_alert_the_moment_its_figures_changed_so_a_replay_of_that_moment_has_both()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        // the real clock: every reading of it differs
        await using var services = await TestServices.CreateAsync(db, TimeProvider.System);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));

        var raised = await db.ScalarAsync<DateTime>("SELECT raised_at FROM alert WHERE rule = 'scale' AND subject_id = $1", TestUnits.VillageA1);
        var changed = await db.ScalarAsync<DateTime>("SELECT max(valid_from) FROM region_stats_history WHERE subject_kind = 'unit' AND subject_id = $1", TestUnits.VillageA1);
        var written = await db.ScalarAsync<DateTime>("SELECT updated_at FROM household WHERE household_id = 'A1-0'");

        Assert.Equal(changed, raised);
        Assert.Equal(changed, written);
    }
}
