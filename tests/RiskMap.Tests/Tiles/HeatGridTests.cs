using RiskMap.Geodata.Divisions;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Generation;
using RiskMap.Geodata.Loading;
using RiskMap.Server.Households;
using RiskMap.Tests.Infrastructure;
using static RiskMap.Tests.Tiles.TileWorld;

namespace RiskMap.Tests.Tiles;

/// <summary>Low-zoom heat tiles come from heat_cell, the per-village zoom-14 sums the household triggers keep.</summary>
public sealed class HeatGridTests
{
    // heat_cell as it should be: every household at risk summed per village and zoom-14 tile, from scratch.
    private const string FreshSums = """
        SELECT coalesce(string_agg(village_code || '/' || cx || '/' || cy || ':' || n || ':' || w, ' ' ORDER BY village_code, cx, cy), '')
          FROM (SELECT village_code,
                       floor((ST_X(geom) + 180) / 360 * 16384)::int AS cx,
                       floor((1 - ln(tan(radians(ST_Y(geom))) + 1 / cos(radians(ST_Y(geom)))) / pi()) / 2 * 16384)::int AS cy,
                       count(*) AS n, sum(round(risk_score * 1000))::bigint AS w
                  FROM household WHERE risk_score > 0 GROUP BY 1, 2, 3) s
        """;

    private const string KeptSums = """
        SELECT coalesce(string_agg(village_code || '/' || cx || '/' || cy || ':' || households || ':' || weight_milli, ' ' ORDER BY village_code, cx, cy), '')
          FROM heat_cell
        """;

    [Fact]
    public async Task HeatCells_AfterABulkLoadAndTheRiskRebuild_EqualAFreshSumOverTheHouseholds()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        // 德昌县 at a tenth of real size; the loader COPYs into the partitions, past household's statement triggers.
        var set = ScenarioGenerator.Generate(DivisionCatalog.Load(), new ScenarioOptions { Root = new UnitCode(513424000000), Scale = 0.1, Seed = 5 });
        await BulkLoader.LoadAsync(db.DataSource, set, CancellationToken.None);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM heat_cell")); // nothing is scored before the rebuild

        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero)));
        await services.Get<RiskRebuild>().RunAsync(CancellationToken.None);

        var fresh = await db.ScalarAsync<string>(FreshSums);
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM heat_cell") > 10, fresh);
        Assert.Equal(fresh, await db.ScalarAsync<string>(KeptSums));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(9)]
    public async Task RiskHeat_AtLowZooms_EachCellHoldsTheHouseholdsAndScoresOfItsBlockOfTheGrid(int z)
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        var random = new Random(11);
        for (var i = 0; i < 400; i++)
            await world.AddHouseholdAsync($"r{i}", i % 2 == 0 ? VillageA : VillageB,
                102.0 + random.NextDouble() * 0.2, 27.5 + random.NextDouble() * 0.1, (float)Math.Round(0.1 + random.NextDouble() * 90, 2), 2);
        var (x, y) = TileAt(102.1, 27.55, z);

        var layer = await world.LayerAsync("risk-heat", z, x, y);

        // A cell of a zoom-z tile (32 a side) is the zoom z+5 tile a household lies in.
        var expected = await world.Db.ScalarAsync<string>("""
            SELECT string_agg(cx || ',' || cy || ':' || n || ':' || round(w::numeric, 2), ' ' ORDER BY cx, cy)
              FROM (SELECT floor((ST_X(geom) + 180) / 360 * 2 ^ ($1 + 5))::int - $2 * 32 AS cx,
                           floor((1 - ln(tan(radians(ST_Y(geom))) + 1 / cos(radians(ST_Y(geom)))) / pi()) / 2 * 2 ^ ($1 + 5))::int - $3 * 32 AS cy,
                           count(*) AS n, sum(risk_score::float8) AS w
                      FROM household WHERE risk_score > 0 GROUP BY 1, 2 HAVING count(*) >= 3) c
            """, z, x, y);
        var served = string.Join(' ', layer.Features
            .Select(f => (Cx: f.Vertices[0].X / 128, Cy: f.Vertices[0].Y / 128, N: Convert.ToInt64(f.Properties["households"]), W: Convert.ToDouble(f.Properties["weight"])))
            .OrderBy(c => c.Cx).ThenBy(c => c.Cy).Select(c => $"{c.Cx},{c.Cy}:{c.N}:{Math.Round(c.W, 2):0.00}"));
        Assert.True(layer.Features.Count >= (z == 9 ? 5 : 1), $"{layer.Features.Count} cells");
        Assert.Equal(expected, served);
    }

    [Fact]
    public async Task HeatCells_AfterInsertsUpsertsUpdatesMovesAndDeletes_EqualAFreshSumOverTheHouseholds()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        var random = new Random(3);
        for (var i = 0; i < 300; i++)
            await world.AddHouseholdAsync($"h{i}", i % 3 == 0 ? XideVillage : i % 2 == 0 ? VillageA : VillageB,
                i % 3 == 0 ? 104.5 + random.NextDouble() * 0.1 : 102.0 + random.NextDouble() * 0.2,
                i % 3 == 0 ? 28.5 + random.NextDouble() * 0.1 : 27.5 + random.NextDouble() * 0.1,
                (float)Math.Round(random.NextDouble() * 80, 2), 1);
        Assert.Equal(await world.Db.ScalarAsync<string>(FreshSums), await world.Db.ScalarAsync<string>(KeptSums));

        // Scores change (some to none at all), households move and change village, some leave, one upsert both inserts and updates.
        await world.Db.ExecuteAsync("UPDATE household SET risk_score = (abs(hashtext(household_id)) % 9000) / 100.0 WHERE household_id LIKE 'h1%'");
        await world.Db.ExecuteAsync("UPDATE household SET risk_score = CASE WHEN household_id LIKE '%5' THEN 0 ELSE NULL END WHERE household_id LIKE 'h2_5' OR household_id LIKE 'h2_7'");
        await world.Db.ExecuteAsync("UPDATE household SET geom = ST_Translate(geom, 0.013, -0.011) WHERE household_id LIKE 'h_4'");
        await world.Db.ExecuteAsync($"UPDATE household SET village_code = {VillageB} WHERE village_code = {VillageA} AND household_id LIKE '%8'");
        await world.Db.ExecuteAsync("UPDATE household SET members = members + 1");
        await world.Db.ExecuteAsync("DELETE FROM household WHERE household_id LIKE 'h_9' OR household_id = 'h30'");
        await world.Db.ExecuteAsync($"""
            INSERT INTO household (household_id, county_code, village_code, geom, members, labour, income_per_capita, risk_score, risk_level)
            SELECT id, {Zhaojue}, {VillageA}, ST_SetSRID(ST_MakePoint(102.05, 27.55), 4326), 3, 1, 4000, 42.5, 2
              FROM unnest(ARRAY['h0', 'h6', 'new1', 'new2']) AS id
            ON CONFLICT (county_code, household_id) DO UPDATE
               SET village_code = excluded.village_code, geom = excluded.geom, risk_score = excluded.risk_score
            """);

        var fresh = await world.Db.ScalarAsync<string>(FreshSums);
        Assert.Contains($"{VillageA}/", fresh);
        Assert.Equal(fresh, await world.Db.ScalarAsync<string>(KeptSums));
        Assert.Equal(0L, await world.Db.ScalarAsync<long>("SELECT count(*) FROM heat_cell WHERE households <= 0"));

        await world.Db.ExecuteAsync("TRUNCATE household CASCADE");
        Assert.Equal(0L, await world.Db.ScalarAsync<long>("SELECT count(*) FROM heat_cell"));
    }
}
