using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RiskMap.Server.Alerts;
using RiskMap.Server.Auth;
using RiskMap.Server.Live;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Live;

public sealed class AlertRuleApiTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_administrator_raising_the_minimum_households_resolves_the_alerts_below_it_at_once_and_later_writes_follow_the_new_rule()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        var time = new ManualTimeProvider(Now);
        await using var services = await TestServices.CreateAsync(db, time);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageB1, "B1", 200, 0));
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12)); // 60 % of 20: the village's and its township's alerts
        await using var server = new RiskMapFactory(db.ConnectionString, time: time);
        using var admin = await server.CreateClientAsync(Role.Administrator, "5134");
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM alert WHERE state = 'raised'"));

        time.Advance(TimeSpan.FromMinutes(1));
        var changed = await admin.PatchAsJsonAsync("/api/admin/alert-rules", new { minimumHouseholds = 25, comment = "小村不单独预警 (small villages judged with their township)", version = 0 });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = (await changed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(1, (int)body["inForce"]!["version"]!);
        Assert.Equal("administrator", (string?)body["inForce"]!["source"]);
        Assert.Equal(25, (int)body["inForce"]!["rules"]!["minimumHouseholds"]!);
        Assert.Equal(2, (int)body["effect"]!["resolved"]!);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM alert WHERE state <> 'resolved'"));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM live_change WHERE kind = 'alert' AND payload->>'event' = 'resolved'"));

        // 15 of 22 households of 城北村 at level II: above 1/2, but fewer than 25 households; its township now has 42, 27 of them.
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA2, "A2", 22, 15));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM alert WHERE subject_id = $1", TestUnits.VillageA2));
        Assert.Equal("raised", await db.ScalarAsync<string>("SELECT state FROM alert WHERE subject_id = $1 ORDER BY alert_id DESC LIMIT 1", TestUnits.TownshipA));

        var inForce = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/alert-rules"))!;
        Assert.Equal(1, (int)inForce["version"]!);
        Assert.Equal(Now.AddMinutes(1), (DateTimeOffset)inForce["changedAt"]!);
        Assert.StartsWith("administrator-", (string?)inForce["changedBy"]);
        Assert.Equal("1/2", (string?)inForce["raiseThresholds"]!["village"]);
        var trail = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/alert-rules/changes"))!;
        var change = Assert.Single(trail)!;
        Assert.Equal("小村不单独预警 (small villages judged with their township)", (string?)change["comment"]);
        Assert.Equal(2, (int)change["transitions"]!);
        Assert.Equal(25, (int)change["rules"]!["minimumHouseholds"]!);
    }

    [Fact]
    public async Task A_pending_period_set_through_the_API_holds_new_alerts_on_another_server_until_it_has_passed()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        var time = new ManualTimeProvider(Now);
        await using var server = new RiskMapFactory(db.ConnectionString, time: time);
        using var admin = await server.CreateClientAsync(Role.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync("/api/admin/alert-rules", new { pendingPeriod = "PT10M", comment = "先核实再预警" })).StatusCode);

        // Another server on the same database: its configuration says "at once", the administrator's change says ten minutes.
        await using var other = await TestServices.CreateAsync(db, time);
        await other.WriteAsync(LiveTestData.Village(TestUnits.VillageB1, "B1", 200, 0));
        await other.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));
        Assert.Equal("pending", await db.ScalarAsync<string>("SELECT state FROM alert WHERE subject_id = $1", TestUnits.VillageA1));
        var clock = new AlertClock(db.DataSource, other.Get<AlertSettings>(), Options.Create(new LiveOptions()), time);

        time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await clock.TickAsync(CancellationToken.None)).Promoted);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await clock.TickAsync(CancellationToken.None)).Promoted); // the village's and the township's
        Assert.Equal("raised", await db.ScalarAsync<string>("SELECT state FROM alert WHERE subject_id = $1", TestUnits.VillageA1));
    }

    [Fact]
    public async Task A_change_of_the_rules_by_anyone_else_or_out_of_date_or_invalid_is_refused_with_the_field_named_and_nothing_kept()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await LiveTestData.InsertOtherCountyAsync(db);
        await using var server = new RiskMapFactory(db.ConnectionString);
        using var planner = await server.CreateClientAsync(Role.Planner);
        using var countyAdmin = await server.CreateClientAsync(Role.Administrator, "513431");
        using var admin = await server.CreateClientAsync(Role.Administrator, "5134");

        Assert.Equal(HttpStatusCode.Forbidden, (await planner.GetAsync("/api/admin/alert-rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.PatchAsJsonAsync("/api/admin/alert-rules", new { minimumHouseholds = 5, comment = "x" })).StatusCode);
        var outside = await countyAdmin.PatchAsJsonAsync("/api/admin/alert-rules", new { minimumHouseholds = 5, comment = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Contains("513432100001", (string?)(await outside.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
        await AssertFieldAsync(admin, new { scaleClear = new { village = "half" }, comment = "x" }, "scaleClear.village", "is a share");
        await AssertFieldAsync(admin, new { scaleClear = new { township = "1/3" }, comment = "x" }, "scaleClear.township", "must be below the raise threshold");
        await AssertFieldAsync(admin, new { pendingPeriod = "-00:01:00", comment = "x" }, "pendingPeriod", "must be 0 to 366 days");
        await AssertFieldAsync(admin, new { employmentClear = "1/2", comment = "x" }, "employmentClear", "must be above EmploymentFloor");
        await AssertFieldAsync(admin, new { minimumHouseholds = 20 }, "comment", "comment is required");
        var stale = await admin.PatchAsJsonAsync("/api/admin/alert-rules", new { minimumHouseholds = 20, comment = "x", version = 3 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(0, (int)(await stale.Content.ReadFromJsonAsync<JsonObject>())!["version"]!);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM alert_rule_change"));

        // A change repeated (a retried request) makes one version, not two.
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync("/api/admin/alert-rules", new { minimumHouseholds = 20, comment = "x" })).StatusCode);
        var again = await admin.PatchAsJsonAsync("/api/admin/alert-rules", new { minimumHouseholds = 20, comment = "x" });
        Assert.Equal(1, (int)(await again.Content.ReadFromJsonAsync<JsonObject>())!["inForce"]!["version"]!);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM alert_rule_change"));
    }

    [Fact]
    public async Task Stored_rules_that_no_longer_fit_the_configured_raise_thresholds_are_set_aside_and_the_answer_says_why()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using (var first = new RiskMapFactory(db.ConnectionString))
        {
            using var admin = await first.CreateClientAsync(Role.Administrator);
            Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync("/api/admin/alert-rules", new { scaleClear = new { village = "9/20" }, comment = "村级解除线 45%" })).StatusCode);
        }

        // Configuration later lowers the village's raise threshold to 2/5, below the stored clear threshold.
        await using var second = new RiskMapFactory(db.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Risk:Regions:Village:ScaleShare"] = "2/5", ["Alerts:ScaleClear:Village"] = "1/4",
        });
        using var again = await second.CreateClientAsync(Role.Administrator);
        var inForce = (await again.GetFromJsonAsync<JsonObject>("/api/admin/alert-rules"))!;

        Assert.Equal(0, (int)inForce["version"]!);
        Assert.Equal("1/4", (string?)inForce["rules"]!["scaleClear"]!["village"]);
        Assert.Contains("the rules of version 1 no longer fit configuration", (string?)inForce["problem"]);
        Assert.Contains("ScaleClear.Village (9/20) must be below the raise threshold Risk:Regions:Village:ScaleShare (2/5)", (string?)inForce["problem"]);
        // A village at 9 of 20 (45 %) is above the new raise threshold: it raises, and clears by configuration's 1/4.
        await using var services = await TestServices.CreateAsync(db, TimeProvider.System, new Dictionary<string, string?>
        {
            ["Risk:Regions:Village:ScaleShare"] = "2/5", ["Alerts:ScaleClear:Village"] = "1/4",
        });
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 9));
        Assert.Equal("raised", await db.ScalarAsync<string>("SELECT state FROM alert WHERE subject_id = $1", TestUnits.VillageA1));
        Assert.Equal(0.25, await db.ScalarAsync<double>("SELECT clear_threshold FROM alert WHERE subject_id = $1", TestUnits.VillageA1), 6);
    }

    private static async Task AssertFieldAsync(HttpClient admin, object body, string field, string detail)
    {
        var response = await admin.PatchAsJsonAsync("/api/admin/alert-rules", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(field, (string?)problem["field"]);
        Assert.Contains(detail, (string?)problem["detail"]);
    }
}
