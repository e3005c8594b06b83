using RiskMap.Server.Alerts;
using RiskMap.Server.Live;
using RiskMap.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace RiskMap.Tests.Live;

public sealed class AlertEngineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_village_hovering_at_the_threshold_keeps_one_alert_and_resolves_only_below_the_clear_threshold()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        var households = LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 11);
        await services.WriteAsync(households);
        Assert.Equal(11, await db.ScalarAsync<int>("SELECT level2 FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1", TestUnits.VillageA1));
        Assert.Equal("raised", await ScaleStateAsync(db, TestUnits.VillageA1));

        // 11 → 9 → 11 → 9 poor of 20: 45 % is above the clear threshold (40 %), so no flapping.
        foreach (var poor in new[] { 9, 11, 9 })
        {
            await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, poor));
            Assert.Equal("raised", await ScaleStateAsync(db, TestUnits.VillageA1));
        }
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 8));

        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM alert WHERE rule = 'scale' AND subject_id = $1", TestUnits.VillageA1));
        Assert.Equal("resolved", await ScaleStateAsync(db, TestUnits.VillageA1));
        Assert.Equal("raised,resolved", await db.ScalarAsync<string>("""
            SELECT string_agg(payload->>'event', ',' ORDER BY seq) FROM live_change
            WHERE kind = 'alert' AND payload->>'rule' = 'scale' AND payload->>'subjectId' = $1
            """, TestUnits.VillageA1.ToString()));
        Assert.Contains("40.0%", await db.ScalarAsync<string>("SELECT resolve_reason FROM alert WHERE rule = 'scale' AND subject_id = $1", TestUnits.VillageA1));
    }

    [Fact]
    public async Task With_a_pending_period_the_alert_is_raised_only_once_the_condition_has_held_that_long()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        var time = new ManualTimeProvider(Now);
        await using var services = await TestServices.CreateAsync(db, time, new Dictionary<string, string?> { ["Alerts:PendingPeriod"] = "01:00:00" });
        var clock = Clock(services, db, time);
        // 200 comfortable households elsewhere keep the county and above under their thresholds.
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageB1, "B1", 200, 0));

        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));
        Assert.Equal("pending", await ScaleStateAsync(db, TestUnits.VillageA1));
        Assert.Equal("pending", await ScaleStateAsync(db, TestUnits.TownshipA));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM alert WHERE state = 'pending'"));
        time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, (await clock.TickAsync(CancellationToken.None)).Promoted);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM live_change WHERE kind = 'alert' AND payload->>'rule' = 'scale'"));

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, (await clock.TickAsync(CancellationToken.None)).Promoted);
        Assert.Equal("raised", await ScaleStateAsync(db, TestUnits.VillageA1));
        Assert.Equal(Now.AddHours(1).UtcDateTime, await db.ScalarAsync<DateTime>("SELECT raised_at FROM alert WHERE rule = 'scale' AND subject_id = $1", TestUnits.VillageA1));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM live_change WHERE kind = 'alert' AND payload->>'event' = 'raised' AND payload->>'subjectId' = $1", TestUnits.VillageA1.ToString()));
    }

    [Fact]
    public async Task A_condition_that_clears_within_the_pending_period_never_reaches_a_client()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        var time = new ManualTimeProvider(Now);
        await using var services = await TestServices.CreateAsync(db, time, new Dictionary<string, string?> { ["Alerts:PendingPeriod"] = "01:00:00" });

        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));
        time.Advance(TimeSpan.FromMinutes(10));
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 2));
        time.Advance(TimeSpan.FromHours(2));
        await Clock(services, db, time).TickAsync(CancellationToken.None);

        Assert.Equal("resolved", await ScaleStateAsync(db, TestUnits.VillageA1));
        Assert.Equal("pending,resolved", await db.ScalarAsync<string>("""
            SELECT string_agg(e.to_state, ',' ORDER BY e.event_id) FROM alert_event e JOIN alert a USING (alert_id)
            WHERE a.rule = 'scale' AND a.subject_id = $1
            """, TestUnits.VillageA1));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM live_change WHERE kind = 'alert' AND payload->>'rule' = 'scale'"));
    }

    [Fact]
    public async Task A_household_reaching_level_III_without_assistance_raises_its_own_alert_and_assistance_resolves_it()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        var household = TestUnits.Household("H-1", TestUnits.VillageA2, LiveTestData.Comfortable);
        await services.WriteAsync(household);
        var crisis = household with
        {
            IncomePerCapita = 1500, IncomeLastYear = 9000, RigidExpenditure = 40000, HousingUnsafe = true,
            RiskTypes = ["illness"], Monitoring = RiskMap.Geodata.Domain.MonitoringStatus.Monitored, MonitoredSince = new DateOnly(2026, 10, 1),
        };
        await services.WriteAsync(crisis);
        Assert.Equal(3, await db.ScalarAsync<short>("SELECT risk_level FROM household WHERE household_id = 'H-1'"));
        Assert.Equal("raised", await db.ScalarAsync<string>("SELECT state FROM alert WHERE rule = 'household-unassisted' AND household_id = 'H-1'"));
        Assert.Equal(TestUnits.VillageA2, await db.ScalarAsync<long>("SELECT unit_code FROM alert WHERE household_id = 'H-1'"));

        await services.WriteAsync(crisis with { Assistance = [new RiskMap.Geodata.Domain.AssistanceMeasure("medical", new DateOnly(2026, 11, 1))] });

        Assert.Equal("resolved", await db.ScalarAsync<string>("SELECT state FROM alert WHERE rule = 'household-unassisted' AND household_id = 'H-1'"));
    }

    [Fact]
    public async Task One_write_that_opens_many_alerts_gives_each_its_own_id_audit_trail_and_live_message()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        // One batch: a village over the scale threshold and five households at level III with no help.
        var crises = Enumerable.Range(1, 5).Select(i => TestUnits.Household($"H-{i}", TestUnits.VillageA2, LiveTestData.Comfortable) with
        {
            IncomePerCapita = 1500, IncomeLastYear = 9000, RigidExpenditure = 40000, HousingUnsafe = true,
            RiskTypes = ["illness"], Monitoring = RiskMap.Geodata.Domain.MonitoringStatus.Monitored, MonitoredSince = new DateOnly(2026, 10, 1),
        });
        await services.WriteAsync([.. LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 11), .. crises]);

        Assert.Equal("H-1,H-2,H-3,H-4,H-5", await db.ScalarAsync<string>(
            "SELECT string_agg(household_id, ',' ORDER BY household_id) FROM alert WHERE rule = 'household-unassisted' AND state = 'raised'"));
        Assert.Equal("raised", await ScaleStateAsync(db, TestUnits.VillageA1));
        // Each alert has exactly one audit event, its own opening, with the words of its own rule.
        Assert.Equal(0L, await db.ScalarAsync<long>("""
            SELECT count(*) FROM alert a
            WHERE (SELECT count(*) FROM alert_event e WHERE e.alert_id = a.alert_id) <> 1
               OR NOT EXISTS (SELECT 1 FROM alert_event e WHERE e.alert_id = a.alert_id AND e.to_state = 'raised'
                              AND e.comment LIKE CASE a.rule WHEN 'scale' THEN '%households at level II or above%' ELSE 'level III with no assistance' END)
            """));
        // And one live "raised" message each, about its own subject.
        Assert.Equal(await db.ScalarAsync<long>("SELECT count(*) FROM alert"), await db.ScalarAsync<long>("""
            SELECT count(DISTINCT a.alert_id) FROM live_change c JOIN alert a ON a.alert_id = (c.payload->>'alertId')::bigint
            WHERE c.kind = 'alert' AND c.payload->>'event' = 'raised' AND c.payload->>'rule' = a.rule
              AND c.payload->>'subjectId' = coalesce(a.household_id, a.subject_id::text)
            """));
    }

    [Fact]
    public async Task The_sweep_raises_a_site_employment_alert_and_resolves_it_once_enough_are_employed()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        var sweep = new AlertSweep(db.DataSource, services.Get<AlertEngine>(), services.Get<AlertSettings>(), services.Get<IOptions<RiskMap.Server.Risk.RegionRuleOptions>>(), services.Get<TimeProvider>());
        await db.ExecuteAsync("UPDATE resettlement_site SET labour_force = 40, employed_labour = 20 WHERE site_id = 9001");

        await sweep.RunAsync(CancellationToken.None);
        Assert.Equal("raised", await db.ScalarAsync<string>("SELECT state FROM alert WHERE rule = 'site-employment' AND subject_id = 9001"));
        Assert.Equal("yellow", await db.ScalarAsync<string>("SELECT severity FROM alert WHERE rule = 'site-employment' AND subject_id = 9001"));

        await db.ExecuteAsync("UPDATE resettlement_site SET employed_labour = 26 WHERE site_id = 9001");
        await sweep.RunAsync(CancellationToken.None);
        Assert.Equal("raised", await db.ScalarAsync<string>("SELECT state FROM alert WHERE rule = 'site-employment' AND subject_id = 9001"));
        await db.ExecuteAsync("UPDATE resettlement_site SET employed_labour = 27 WHERE site_id = 9001");
        await sweep.RunAsync(CancellationToken.None);
        Assert.Equal("resolved", await db.ScalarAsync<string>("SELECT state FROM alert WHERE rule = 'site-employment' AND subject_id = 9001"));
    }

    [Fact]
    public async Task Escalation_moves_an_unacknowledged_alert_up_one_level_per_period_and_stops_once_acknowledged()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        var time = new ManualTimeProvider(Now);
        await using var services = await TestServices.CreateAsync(db, time, new Dictionary<string, string?> { ["Alerts:EscalateAfter"] = "04:00:00" });
        var clock = Clock(services, db, time);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageB1, "B1", 200, 0));
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));
        var id = await db.ScalarAsync<long>("SELECT alert_id FROM alert WHERE rule = 'scale' AND subject_id = $1", TestUnits.VillageA1);

        time.Advance(TimeSpan.FromHours(4) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await clock.TickAsync(CancellationToken.None)).Escalated); // a second before the deadline: nothing
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await clock.TickAsync(CancellationToken.None)).Escalated); // the village's and the township's alerts
        Assert.Equal(TestUnits.TownshipA, await db.ScalarAsync<long>("SELECT escalated_to FROM alert WHERE alert_id = $1", id));
        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, (await clock.TickAsync(CancellationToken.None)).Escalated);
        time.Advance(TimeSpan.FromHours(2));
        await clock.TickAsync(CancellationToken.None);
        Assert.Equal(TestUnits.County, await db.ScalarAsync<long>("SELECT escalated_to FROM alert WHERE alert_id = $1", id));

        var actions = new AlertActions(db.DataSource, time);
        Assert.Equal(AlertActionOutcome.Done, (await actions.AcknowledgeAsync(id, new AlertActor("县乡村振兴局 王某", "wang", RiskMap.Server.Auth.AreaScope.Everywhere), "已派工作组入村", CancellationToken.None)).Item1);
        time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, (await clock.TickAsync(CancellationToken.None)).Escalated); // only the township's, not acknowledged
        Assert.Equal(2, await db.ScalarAsync<short>("SELECT escalated_level FROM alert WHERE alert_id = $1", id));
        Assert.Equal("updated,updated,updated", await db.ScalarAsync<string>(
            "SELECT string_agg(payload->>'event', ',' ORDER BY seq) FROM live_change WHERE kind = 'alert' AND payload->>'event' <> 'raised' AND (payload->>'alertId')::bigint = $1", id));
    }

    private static AlertClock Clock(TestServices services, TestDatabase db, TimeProvider time) =>
        new(db.DataSource, services.Get<AlertSettings>(), Options.Create(new LiveOptions()), time);

    private static Task<string?> ScaleStateAsync(TestDatabase db, long unit) =>
        db.ScalarAsync<string>("SELECT state FROM alert WHERE rule = 'scale' AND subject_id = $1 ORDER BY alert_id DESC LIMIT 1", unit);
}
