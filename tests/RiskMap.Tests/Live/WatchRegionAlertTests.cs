using System.Net;
using System.Net.Http.Json;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Live;

public sealed class WatchRegionAlertTests
{
    [Fact]
    public async Task A_saved_region_with_a_rule_alerts_live_when_household_changes_cross_it_and_resolves_below_its_clear_threshold()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, TimeProvider.System);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 0));
        await using var server = new RiskMapFactory(db.ConnectionString);
        using var http = await server.CreateClientAsync(RiskMap.Server.Auth.Role.Planner, "513431");
        // The planner's watch: the south-west quarter of 南坪村, alert at 30 % at level II or above, clear below 20 %.
        var created = await http.PostAsJsonAsync("/api/regions", new
        {
            name = "南坪河谷",
            geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { 102.6, 28.0 }, new[] { 102.69, 28.0 }, new[] { 102.69, 28.09 }, new[] { 102.6, 28.09 }, new[] { 102.6, 28.0 } } } },
            rules = new[] { new { metric = "shareAtLeastTwo", raiseThreshold = 0.3, clearThreshold = 0.2, minimumHouseholds = 10 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var regionId = await db.ScalarAsync<long>("SELECT region_id FROM watch_region");

        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 7)); // 35 %

        Assert.Equal("raised", await db.ScalarAsync<string>("SELECT state FROM alert WHERE subject_kind = 'region' AND subject_id = $1", regionId));
        Assert.Equal(TestUnits.VillageA1, await db.ScalarAsync<long>("SELECT unit_code FROM alert WHERE subject_kind = 'region'"));
        Assert.Equal("南坪河谷", await db.ScalarAsync<string>("""
            SELECT payload->>'subjectName' FROM live_change WHERE kind = 'alert' AND payload->>'subjectKind' = 'region' AND payload->>'event' = 'raised'
            """));

        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 5)); // 25 %: between clear and raise, holds
        Assert.Equal("raised", await db.ScalarAsync<string>("SELECT state FROM alert WHERE subject_kind = 'region'"));
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 3)); // 15 %
        Assert.Equal("resolved", await db.ScalarAsync<string>("SELECT state FROM alert WHERE subject_kind = 'region'"));
    }
}
