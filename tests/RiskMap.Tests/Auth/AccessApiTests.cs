using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;
using RiskMap.Tests.Live;
using static RiskMap.Tests.Auth.AccessWorld;

namespace RiskMap.Tests.Auth;

/// <summary>Role × area on the HTTP API: each role sees its county and nothing of the next, and does only what its role allows.</summary>
public sealed class AccessApiTests
{
    [Fact]
    public async Task CountyLeader_SeesTheCounty_AnotherCountyIsUnknown_AndHouseholdDataAndWritesAreRefused()
    {
        await using var world = await StartAsync();
        using var leader = await world.ClientAsync(Role.Leader, "513431");
        var xideAlert = await world.AlertIdAsync("scale", LiveTestData.OtherVillage.ToString());

        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/api/units/513431")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/api/units?parent=513431")).StatusCode);
        foreach (var path in new[] { "/api/units/513432", "/api/units/513400", "/api/units?parent=513400", "/api/units/513432/history",
                     $"/api/alerts/{xideAlert}", "/api/alerts?unit=513432" })
            await AssertProblemAsync(await leader.GetAsync(path), HttpStatusCode.NotFound, path);
        foreach (var path in new[] { $"/api/households/{ZhaojueHousehold}", "/api/exports/households.csv", "/api/imports/1" })
            await AssertProblemAsync(await leader.GetAsync(path), HttpStatusCode.Forbidden, path);
        await AssertProblemAsync(await leader.PostAsync("/api/households/batch", Json("""{"households": []}""")), HttpStatusCode.Forbidden, "batch");
        await AssertProblemAsync(await leader.PostAsync("/api/imports/households", new StringContent("household_id\n", Encoding.UTF8, "text/csv")), HttpStatusCode.Forbidden, "import");
        await AssertProblemAsync(await leader.GetAsync("/api/admin/users"), HttpStatusCode.Forbidden, "admin");

        // Alerts: its county's only, and a household alert names no household.
        var alerts = (await leader.GetFromJsonAsync<JsonObject>("/api/alerts"))!["alerts"]!.AsArray();
        Assert.NotEmpty(alerts);
        Assert.All(alerts, a => Assert.StartsWith("513431", (string)a!["unitCode"]!));
        var household = alerts.Single(a => (string?)a!["subjectKind"] == "household")!;
        Assert.Null((string?)household["subjectId"]);
        Assert.Null((string?)household["subjectName"]);
        // It acknowledges its own county's alert, not the other's.
        var own = await world.AlertIdAsync("scale", TestUnits.VillageA1.ToString());
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync($"/api/alerts/{own}/acknowledge", new { by = "县长 吉某" })).StatusCode);
        await AssertProblemAsync(await leader.PostAsJsonAsync($"/api/alerts/{xideAlert}/acknowledge", new { by = "县长 吉某" }), HttpStatusCode.NotFound, "ack");
        Assert.Equal("raised", await world.Db.ScalarAsync<string>("SELECT state FROM alert WHERE alert_id = $1", xideAlert));
    }

    [Fact]
    public async Task OutOfAreaIds_AnswerExactlyAsIdsThatDoNotExist()
    {
        await using var world = await StartAsync();
        using var planner = await world.ClientAsync(Role.Planner, "513431");
        var xideAlert = await world.AlertIdAsync("scale", LiveTestData.OtherVillage.ToString());

        var pairs = new[]
        {
            ($"/api/households/{XideHousehold}", "/api/households/NOBODY-0"),
            ($"/api/alerts/{xideAlert}", "/api/alerts/999999"),
            ("/api/units/513432", "/api/units/513433"),
        };
        foreach (var (outside, missing) in pairs)
        {
            var a = await ProblemAsync(await planner.GetAsync(outside));
            var b = await ProblemAsync(await planner.GetAsync(missing));
            Assert.Equal((404, b.Title), (a.Status, a.Title));
        }
    }

    [Fact]
    public async Task CountyPlanner_SeesHouseholdsOfTheCountyOnly_AndExportsThemAudited()
    {
        await using var world = await StartAsync();
        using var planner = await world.ClientAsync(Role.Planner, "513431");

        Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync($"/api/households/{ZhaojueHousehold}")).StatusCode);
        await AssertProblemAsync(await planner.GetAsync($"/api/households/{XideHousehold}"), HttpStatusCode.NotFound, "xide household");
        var alerts = (await planner.GetFromJsonAsync<JsonObject>("/api/alerts"))!["alerts"]!.AsArray();
        Assert.Contains(alerts, a => (string?)a!["subjectId"] == ZhaojueInCrisis);

        var csv = await planner.GetStringAsync("/api/exports/households.csv");
        var ids = csv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(24, ids.Count);
        Assert.All(ids, id => Assert.DoesNotContain("XD", id));
        await AssertProblemAsync(await planner.GetAsync("/api/exports/households.csv?unit=513432"), HttpStatusCode.NotFound, "export xide");
        Assert.Equal(24L, await world.Db.ScalarAsync<long>(
            "SELECT row_count FROM export_audit WHERE what = 'households.csv' AND scope_code = 513431000000 AND via = 'http' AND actor LIKE 'planner-%' AND finished_at IS NOT NULL"));
        await AssertProblemAsync(await planner.PostAsync("/api/households/batch", Json("""{"households": []}""")), HttpStatusCode.Forbidden, "planner ingest");
    }

    [Fact]
    public async Task CountyDataOfficer_WritesInTheCountyOnly()
    {
        await using var world = await StartAsync();
        using var officer = await world.ClientAsync(Role.DataOfficer, "513431");
        var before = await world.Db.ScalarAsync<long>("SELECT count(*) FROM household");

        var batch = await officer.SendAsync(Keyed(HttpMethod.Post, "/api/households/batch", """
            {"households": [
              {"householdId": "ZJ-new", "villageCode": "513431100002", "lon": 102.75, "lat": 28.05, "members": 3, "labour": 1, "incomePerCapita": 9000},
              {"householdId": "XD-new", "villageCode": "513432100001", "lon": 102.45, "lat": 28.05, "members": 3, "labour": 1, "incomePerCapita": 9000}
            ]}
            """));
        var answer = (await batch.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(1, (int)answer["accepted"]!);
        var reject = answer["rejected"]!.AsArray().Single()!;
        Assert.Equal(1, (int)reject["index"]!);
        Assert.Contains("outside your area", (string)reject["reason"]!);
        Assert.Equal(before + 1, await world.Db.ScalarAsync<long>("SELECT count(*) FROM household"));

        var patch = await officer.SendAsync(Keyed(HttpMethod.Patch, $"/api/households/{XideHousehold}", """{"incomePerCapita": 100}"""));
        await AssertProblemAsync(patch, HttpStatusCode.NotFound, "patch xide");
        Assert.NotEqual(100, await world.Db.ScalarAsync<int>("SELECT income_per_capita FROM household WHERE household_id = $1", XideHousehold));

        // A flood over both counties marks the county's households only.
        var flood = await officer.PostAsync("/api/events", Json("""
            {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[102.40, 28.0], [102.70, 28.0], [102.70, 28.1], [102.40, 28.1], [102.40, 28.0]]]},
             "properties": {"id": "flood-both", "type": "flood", "severity": 1, "date": "2026-11-01"}}
            """));
        Assert.Equal(HttpStatusCode.OK, flood.StatusCode);
        Assert.Equal(0L, await world.Db.ScalarAsync<long>("SELECT count(*) FROM area_event_household WHERE county_code = $1", Xide));
        Assert.True(await world.Db.ScalarAsync<long>("SELECT count(*) FROM area_event_household WHERE county_code = $1", Zhaojue) > 0);
        // Xide's own data officer sees the event (it reached no village of theirs: not at all).
        using var xideOfficer = await world.ClientAsync(Role.DataOfficer, "513432");
        await AssertProblemAsync(await xideOfficer.GetAsync("/api/events/flood-both"), HttpStatusCode.NotFound, "xide event");
    }

    [Fact]
    public async Task DeviceToken_IsViewOnly_WhateverItsAccountsRole()
    {
        await using var world = await StartAsync();
        using var wall = await world.ClientAsync(Role.Administrator, "513431", TokenKind.Device);
        var own = await world.AlertIdAsync("scale", TestUnits.VillageA1.ToString());

        var me = await wall.GetFromJsonAsync<JsonObject>("/api/auth/me");
        Assert.Equal("leader", (string?)me!["account"]!["role"]);
        Assert.Equal("device", (string?)me["tokenKind"]);
        Assert.Equal(HttpStatusCode.OK, (await wall.GetAsync("/api/units/513431")).StatusCode);
        await AssertProblemAsync(await wall.PostAsJsonAsync($"/api/alerts/{own}/acknowledge", new { by = "wall" }), HttpStatusCode.Forbidden, "device ack");
        await AssertProblemAsync(await wall.GetAsync($"/api/households/{ZhaojueHousehold}"), HttpStatusCode.Forbidden, "device household");
        await AssertProblemAsync(await wall.GetAsync("/api/admin/users"), HttpStatusCode.Forbidden, "device admin");
    }

    [Fact]
    public async Task SmallCounts_AreWithheldFromLeaders_AndShownToPlanners()
    {
        await using var world = await StartAsync();
        using var leader = await world.ClientAsync(Role.Leader, "513431");
        using var planner = await world.ClientAsync(Role.Planner, "513431");
        var village = TestUnits.VillageB1.ToString();

        var seenByLeader = (await leader.GetFromJsonAsync<JsonObject>($"/api/units/{village}"))!["figures"]!;
        var seenByPlanner = (await planner.GetFromJsonAsync<JsonObject>($"/api/units/{village}"))!["figures"]!;

        Assert.Equal(3, (int)seenByPlanner["households"]!);
        Assert.Equal(1, (int)seenByPlanner["level2"]!);
        Assert.Null(seenByLeader["households"]);
        Assert.Null(seenByLeader["level2"]);
        Assert.Null(seenByLeader["shareAtLeastTwo"]);
        Assert.Equal(0, (int)seenByLeader["level3"]!); // zero names nobody
        // The county's figures are large enough to show.
        Assert.Equal(24, (int)(await leader.GetFromJsonAsync<JsonObject>("/api/units/513431"))!["figures"]!["households"]!);
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        Assert.True(response.StatusCode == status, $"{what}: expected {(int)status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<(int Status, string? Title)> ProblemAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ((int)response.StatusCode, problem.GetProperty("title").GetString());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static HttpRequestMessage Keyed(HttpMethod method, string path, string json)
    {
        var request = new HttpRequestMessage(method, path) { Content = Json(json) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }
}
