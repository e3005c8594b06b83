using RiskMap.Tests.Infrastructure;
using static RiskMap.Tests.Regions.RegionRequests;

namespace RiskMap.Tests.Regions;

public sealed class HouseholdOutsideVillageTests
{
    [Fact]
    public async Task HouseholdsOutsideTheirVillage_AreKeptUpToDateByEveryKindOfWrite()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        var home = TestUnits.Household("H-home", TestUnits.VillageA1, 20000);
        var away = TestUnits.Household("H-away", TestUnits.VillageA1, 20000, h => h with { Lon = 102.75, Lat = 28.15 }); // in 洒拉地坡村

        await services.WriteAsync(home, away);
        Assert.Equal(["H-away"], await KeptAsync(db));

        await services.WriteAsync(home with { Lon = 102.75 }, away with { Lon = 102.65, Lat = 28.05 });
        Assert.Equal(["H-home"], await KeptAsync(db));

        // 南坪村 gets a larger outline that takes in H-home's new point, then its old one back
        await db.ExecuteAsync("UPDATE admin_unit SET geom = ST_Multi(ST_MakeEnvelope(102.6, 28.0, 102.8, 28.1, 4326)) WHERE code = $1", TestUnits.VillageA1);
        Assert.Empty(await KeptAsync(db));
        await db.ExecuteAsync("UPDATE admin_unit SET geom = ST_Multi(ST_MakeEnvelope(102.6, 28.0, 102.7, 28.1, 4326)) WHERE code = $1", TestUnits.VillageA1);
        Assert.Equal(["H-home"], await KeptAsync(db));

        await db.ExecuteAsync("DELETE FROM household WHERE household_id = 'H-home'");
        Assert.Empty(await KeptAsync(db));
        await services.WriteAsync(away with { Lon = 102.75 });
        await db.ExecuteAsync("TRUNCATE household CASCADE");
        Assert.Empty(await KeptAsync(db));
    }

    /// <summary>The kept households, after checking they are exactly those a full recount finds.</summary>
    private static async Task<string[]> KeptAsync(TestDatabase db)
    {
        var kept = await db.ScalarAsync<string>("SELECT coalesce(string_agg(household_id, ',' ORDER BY household_id), '') FROM household_outside_village");
        var recount = await db.ScalarAsync<string>("""
            SELECT coalesce(string_agg(h.household_id, ',' ORDER BY h.household_id), '')
            FROM household h LEFT JOIN admin_unit v ON v.code = h.village_code
            WHERE NOT coalesce(ST_Covers(v.geom, h.geom), false)
            """);
        Assert.Equal(recount, kept);
        return kept!.Split(',', StringSplitOptions.RemoveEmptyEntries);
    }
}
