using RiskMap.Tests.Infrastructure;
using RiskMap.Tests.Live;

namespace RiskMap.Tests.Demo;

public sealed class DemoFeedTests
{
    [Fact]
    public async Task The_demo_feed_strikes_a_poor_village_through_the_API_raises_its_alert_and_its_relief_resolves_it()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await db.ExecuteAsync("UPDATE admin_unit SET label_point = ST_PointOnSurface(geom)");
        await using (var services = await TestServices.CreateAsync(db, TimeProvider.System))
        {
            // Comfortable neighbours, fewer than 40 a village: 南坪村 is the only village a disaster can
            // pick (disaster_site.sql chooses at random among villages of 40 households or more).
            foreach (var village in new[] { TestUnits.VillageA2, TestUnits.VillageB1, TestUnits.VillageB2 })
                await services.WriteAsync(LiveTestData.Village(village, $"N{village % 1000}", 39, 0));
            await services.WriteAsync(Enumerable.Range(0, 50).Select(i => TestUnits.Household($"A1-{i}", TestUnits.VillageA1, 9600)).ToArray());
        }
        await using var server = new RiskMapFactory(db.ConnectionString, new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:Feed:Interval"] = "00:00:00.200",
            ["Demo:Feed:FirstDisasterAfter"] = "00:00:01",
            ["Demo:Feed:DisasterEvery"] = "01:00:00",
            ["Demo:Feed:DisasterRadiusMetres"] = "3000",
            ["Demo:Feed:RecoveryAfter"] = "00:00:04",
            ["Demo:Feed:RecoveriesPerInterval"] = "50",
        });
        server.StartKestrel();

        await WaitUntilAsync(db, "SELECT count(*) > 0 FROM alert WHERE rule = 'scale' AND subject_id = $1 AND state IN ('raised', 'acknowledged')", TestUnits.VillageA1);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM area_event"));
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM ingest_request") > 1); // routine changes and the event, each with its key
        await WaitUntilAsync(db, "SELECT count(*) > 0 FROM alert WHERE rule = 'scale' AND subject_id = $1 AND state = 'resolved' AND resolved_by = 'system'", TestUnits.VillageA1);
        // Relief restores what the disaster took: every household back below level II.
        await WaitUntilAsync(db, "SELECT count(*) = 0 FROM household WHERE village_code = $1 AND risk_level >= 2", TestUnits.VillageA1);
        Assert.Equal(50L, await db.ScalarAsync<long>("SELECT count(*) FROM assistance_measure WHERE household_id LIKE 'A1-%' AND kind = 'social_protection'"));
    }

    private static async Task WaitUntilAsync(TestDatabase db, string sql, long arg)
    {
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (!await db.ScalarAsync<bool>(sql, arg))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"still not so after 40 s: {sql}");
            await Task.Delay(200);
        }
    }
}
