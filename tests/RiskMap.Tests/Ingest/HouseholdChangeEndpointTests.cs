using System.Net;
using RiskMap.Geodata.Domain;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Ingest;

public sealed class HouseholdChangeEndpointTests
{
    [Fact]
    public async Task A_patch_changes_only_the_fields_it_names_and_answers_with_the_new_level()
    {
        await using var world = await IngestWorld.StartAsync(TestUnits.Household("H1", TestUnits.VillageA1, 30000, h => h with { RigidExpenditure = 500 }));
        var (db, client) = (world.Db, world.Client);

        var response = await client.SendAsync(HttpMethod.Patch, "/api/households/H1", """{"incomePerCapita": 3000, "riskTypes": ["illness"]}""", "patch-1", "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.JsonAsync();
        Assert.Equal(("H1", 3), (answer.GetProperty("householdId").GetString(), answer.GetProperty("level").GetInt32()));
        Assert.Equal(3000, await db.ScalarAsync<int>("SELECT income_per_capita FROM household WHERE household_id = 'H1'"));
        Assert.Equal(500, await db.ScalarAsync<int>("SELECT rigid_expenditure FROM household WHERE household_id = 'H1'"));
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT level3 FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1", TestUnits.VillageA1));
    }

    [Fact]
    public async Task A_patch_naming_an_unknown_field_or_breaking_a_rule_is_400_naming_the_field_and_changes_nothing()
    {
        await using var world = await IngestWorld.StartAsync(TestUnits.Household("H1", TestUnits.VillageA1, 30000));
        var (db, client) = (world.Db, world.Client);
        await db.ExecuteAsync("""
            INSERT INTO admin_unit (code, level, name, parent_code, province_code, prefecture_code, county_code, township_code)
            VALUES (513432000000, 3, '喜德县', 513400000000, 510000000000, 513400000000, 513432000000, NULL),
                   (513432100000, 4, '光明镇', 513432000000, 510000000000, 513400000000, 513432000000, 513432100000),
                   (513432100001, 5, '光明村', 513432100000, 510000000000, 513400000000, 513432000000, 513432100000)
            """);

        var unknown = await client.SendAsync(HttpMethod.Patch, "/api/households/H1", """{"incomePerCapita": 3000, "colour": "red"}""", "patch-2");
        var rule = await client.SendAsync(HttpMethod.Patch, "/api/households/H1", """{"labour": 9}""", "patch-3");
        var otherCounty = await client.SendAsync(HttpMethod.Patch, "/api/households/H1", """{"villageCode": "513432100001"}""", "patch-4");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (unknown.StatusCode, rule.StatusCode, otherCounty.StatusCode));
        Assert.Equal("colour", (await unknown.JsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());
        var ruleError = (await rule.JsonAsync()).GetProperty("errors")[0];
        Assert.Equal(("labour", "labour 9 exceeds members 4"), (ruleError.GetProperty("field").GetString(), ruleError.GetProperty("reason").GetString()));
        var moveError = (await otherCounty.JsonAsync()).GetProperty("errors")[0];
        Assert.Equal("villageCode", moveError.GetProperty("field").GetString());
        Assert.Contains("households do not move between counties", moveError.GetProperty("reason").GetString());
        Assert.Equal(30000, await db.ScalarAsync<int>("SELECT income_per_capita FROM household WHERE household_id = 'H1'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM ingest_request"));
    }

    [Fact]
    public async Task Recording_assistance_closes_the_unassisted_gap_and_a_replay_returns_the_same_answer()
    {
        var today = IngestClient.TodayInChina;
        await using var world = await IngestWorld.StartAsync(TestUnits.Household("H1", TestUnits.VillageA1, 3000,
            h => h with { Monitoring = MonitoringStatus.Monitored, MonitoredSince = today.AddDays(-60) }));
        var (db, client) = (world.Db, world.Client);
        Assert.Contains("unassisted", (await (await client.GetAsync("/api/households/H1")).JsonAsync()).GetProperty("workGaps").EnumerateArray().Select(g => g.GetString()));
        var body = $$"""{"kind": "就业帮扶", "startedOn": "{{today.AddDays(-1):yyyy-MM-dd}}"}""";

        var first = await client.PostAsync("/api/households/H1/assistance", body, "assist-1");
        var replay = await client.PostAsync("/api/households/H1/assistance", body, "assist-1");

        var answer = await first.JsonAsync();
        Assert.DoesNotContain("unassisted", answer.GetProperty("workGaps").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(today.AddDays(-1).ToString("yyyy-MM-dd"), answer.GetProperty("lastAssistanceOn").GetString());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal("employment", await db.ScalarAsync<string>("SELECT kind FROM assistance_measure WHERE household_id = 'H1'"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM assistance_measure"));
    }

    [Fact]
    public async Task Recording_a_visit_moves_the_last_visit_forward_never_back_and_never_into_the_future()
    {
        var today = IngestClient.TodayInChina;
        await using var world = await IngestWorld.StartAsync(TestUnits.Household("H1", TestUnits.VillageA1, 9000, h => h with { LastVisitOn = today.AddDays(-10) }));
        var (db, client) = (world.Db, world.Client);

        var older = await (await client.PostAsync("/api/households/H1/visits", $$"""{"on": "{{today.AddDays(-30):yyyy-MM-dd}}"}""", "visit-1")).JsonAsync();
        var newer = await (await client.PostAsync("/api/households/H1/visits", $$"""{"on": "{{today:yyyy-MM-dd}}"}""", "visit-2")).JsonAsync();
        var future = await client.PostAsync("/api/households/H1/visits", $$"""{"on": "{{today.AddDays(2):yyyy-MM-dd}}"}""", "visit-3");

        Assert.Equal(today.AddDays(-10).ToString("yyyy-MM-dd"), older.GetProperty("lastVisitOn").GetString());
        Assert.Equal(today.ToString("yyyy-MM-dd"), newer.GetProperty("lastVisitOn").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal("on", (await future.JsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Changes_to_an_unknown_household_are_404_and_a_change_without_a_key_is_400()
    {
        await using var world = await IngestWorld.StartAsync();
        var (db, client) = (world.Db, world.Client);

        var patch = await client.SendAsync(HttpMethod.Patch, "/api/households/nobody", """{"members": 3}""", "k1");
        var assistance = await client.PostAsync("/api/households/nobody/assistance", """{"kind": "employment", "startedOn": "2025-01-01"}""", "k2");
        var visit = await client.PostAsync("/api/households/nobody/visits", """{"on": "2025-01-01"}""", "k3");
        var keyless = await client.PostAsync("/api/households/nobody/visits", """{"on": "2025-01-01"}""", key: null);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.BadRequest],
            new[] { patch.StatusCode, assistance.StatusCode, visit.StatusCode, keyless.StatusCode });
        Assert.Equal("Unknown household", (await visit.JsonAsync()).GetProperty("title").GetString());
    }
}
