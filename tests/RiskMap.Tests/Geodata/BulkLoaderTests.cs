using System.Collections;
using RiskMap.Geodata.Divisions;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Generation;
using RiskMap.Geodata.Households;
using RiskMap.Geodata.Loading;
using RiskMap.Tests.Infrastructure;
using Xunit;

namespace RiskMap.Tests.Geodata;

public sealed class BulkLoaderTests
{
    private static readonly DivisionCatalog Catalog = DivisionCatalog.Load();
    // 德昌县 (73 villages) at a tenth of real size: every table gets rows, in seconds.
    private static readonly Lazy<GeodataSet> Dechang = new(() => ScenarioGenerator.Generate(Catalog,
        new ScenarioOptions { Root = new UnitCode(513424000000), Scale = 0.1, Seed = 5 }));

    [Fact]
    public async Task LoadAsync_WritesEveryUnitSiteHouseholdAndMeasure()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        var set = Dechang.Value;

        var summary = await BulkLoader.LoadAsync(db.DataSource, set, CancellationToken.None);

        Assert.Equal(set.Map.Units.Count, summary.Units);
        Assert.Equal(set.HouseholdCount, summary.Households);
        Assert.Equal(set.Map.Units.Count, (int)await db.ScalarAsync<long>("SELECT count(*) FROM admin_unit"));
        Assert.Equal(set.SiteCount, (int)await db.ScalarAsync<long>("SELECT count(*) FROM resettlement_site"));
        Assert.Equal(set.HouseholdCount, (int)await db.ScalarAsync<long>("SELECT count(*) FROM household"));
        Assert.Equal(set.Households.Sum(h => h.Assistance.Count), (int)await db.ScalarAsync<long>("SELECT count(*) FROM assistance_measure"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM household WHERE risk_level IS NOT NULL OR model_version IS NOT NULL"));
    }

    [Fact]
    public async Task LoadAsync_ListsTheHouseholdsOutsideTheirVillage_ForRegionQueries()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        // Every 40th household half a degree east: outside its village (the generator puts none there).
        var set = Dechang.Value with
        {
            Counties = Dechang.Value.Counties.Select(c => c with
            {
                Households = c.Households.Select((h, i) => i % 40 == 0 ? h with { Lon = h.Lon + 0.5 } : h).ToList(),
            }).ToList(),
        };
        await BulkLoader.LoadAsync(db.DataSource, set, CancellationToken.None);

        // The loader COPYs into partitions, past household's statement trigger; the list must still be whole.
        var outside = await db.ScalarAsync<long>("""
            SELECT count(*) FROM household h LEFT JOIN admin_unit v ON v.code = h.village_code
             WHERE NOT coalesce(ST_Covers(v.geom, h.geom), false)
            """);
        Assert.True(outside >= set.HouseholdCount / 40, $"only {outside} households outside their village");
        Assert.Equal(outside, await db.ScalarAsync<long>("""
            SELECT count(*) FROM household_outside_village o
              JOIN household h USING (county_code, household_id)
             WHERE o.village_code = h.village_code AND ST_Equals(o.geom, h.geom)
            """));
        Assert.Equal(outside, await db.ScalarAsync<long>("SELECT count(*) FROM household_outside_village"));
    }

    [Fact]
    public async Task LoadedVillages_AreNamedByTheirPlace_AndKeepTheirOfficialName()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await BulkLoader.LoadAsync(db.DataSource, Dechang.Value, CancellationToken.None);

        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM admin_unit WHERE name LIKE '%委员会'"));
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM admin_unit WHERE level = 5 AND official_name LIKE '%委员会'") > 50);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM admin_unit WHERE level < 5 AND name <> official_name"));
        foreach (var village in Catalog.Subtree(new UnitCode(513424000000)).Where(u => u.Level == UnitLevel.Village).Take(20))
            Assert.Equal(DivisionNames.Short(village.Name),
                await db.ScalarAsync<string>("SELECT name FROM admin_unit WHERE code = $1 AND official_name = $2", village.Code.Value, village.Name));
    }

    [Fact]
    public async Task LoadedUnits_AreValid_WithLabelPointsInside_AndAreasThatAddUp()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await BulkLoader.LoadAsync(db.DataSource, Dechang.Value, CancellationToken.None);

        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM admin_unit WHERE geom IS NOT NULL AND NOT ST_IsValid(geom)"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM admin_unit WHERE geom IS NOT NULL AND NOT ST_Intersects(geom, label_point)"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM admin_unit WHERE geom IS NOT NULL AND (ST_SRID(geom) <> 4326 OR area_km2 <= 0)"));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM admin_unit WHERE geom IS NULL")); // province and prefecture rows above a county root
        // Parents' km² are their children's sums; they must still agree with their own outline.
        var mismatch = await db.ScalarAsync<double>("""
            SELECT max(abs(area_km2 - ST_Area(ST_Transform(geom, 6933)) / 1e6) / area_km2) FROM admin_unit WHERE geom IS NOT NULL
            """);
        var planar = await db.ScalarAsync<double>("""
            SELECT max(abs(ST_Area(c.geom) - s.total) / ST_Area(c.geom))
              FROM admin_unit c
              JOIN (SELECT parent_code, sum(ST_Area(geom)) AS total FROM admin_unit GROUP BY parent_code) s ON s.parent_code = c.code
             WHERE c.geom IS NOT NULL
            """);
        Assert.True(mismatch < 1e-5, $"a unit's km² differs from its outline's by {mismatch:E2} relative");
        Assert.True(planar < 1e-9, $"children's planar areas differ from their parent's by {planar:E2} relative");
    }

    [Fact]
    public async Task LoadedGeometry_IsTheGeneratedGeometry()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        var set = Dechang.Value;
        await BulkLoader.LoadAsync(db.DataSource, set, CancellationToken.None);
        var village = set.Map.AtLevel(UnitLevel.Village).First();
        var household = set.Households.First();

        var wkt = await db.ScalarAsync<string>("SELECT ST_AsText(geom, 15) FROM admin_unit WHERE code = $1", village.Code.Value);
        var lon = await db.ScalarAsync<double>("SELECT ST_X(geom) FROM household WHERE household_id = $1", household.HouseholdId);
        var lat = await db.ScalarAsync<double>("SELECT ST_Y(geom) FROM household WHERE household_id = $1", household.HouseholdId);

        Assert.True(new NetTopologySuite.IO.WKTReader().Read(wkt).EqualsExact(village.Shape!, 1e-12));
        Assert.Equal((household.Lon, household.Lat), (lon, lat));
        Assert.Equal(0L, await db.ScalarAsync<long>("""
            SELECT count(*) FROM household h JOIN admin_unit v ON v.code = h.village_code WHERE NOT ST_Intersects(v.geom, h.geom)
            """));
    }

    [Fact]
    public async Task LoadAsync_Twice_ReplacesTheDataRatherThanAddingToIt()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        var foreignKeys = await ForeignKeysAsync(db);
        await BulkLoader.LoadAsync(db.DataSource, Dechang.Value, CancellationToken.None);
        await BulkLoader.LoadAsync(db.DataSource, Dechang.Value, CancellationToken.None);

        // The foreign keys dropped for the load are back, and enforced.
        Assert.Equal(foreignKeys, await ForeignKeysAsync(db));
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.ExecuteAsync(
            "UPDATE household SET village_code = 513424999999 WHERE household_id = $1", Dechang.Value.Households.First().HouseholdId));

        Assert.Equal(Dechang.Value.HouseholdCount, (int)await db.ScalarAsync<long>("SELECT count(*) FROM household"));
        // The secondary indexes dropped for the load are back.
        Assert.Equal(["household_geom_gist", "household_id", "household_site", "household_village"],
            await IndexNamesAsync(db, "household"));
    }

    [Fact]
    public async Task LoadFailingHalfway_LeavesTheOldDataInPlace()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        var old = Dechang.Value;
        await BulkLoader.LoadAsync(db.DataSource, old, CancellationToken.None);
        var oldFirst = old.Households.First().HouseholdId;
        var other = ScenarioGenerator.Generate(Catalog, old.Options with { Seed = 6 });
        // The new dataset's households fail after half of them were copied, as a crash would.
        var failing = other with
        {
            Counties = other.Counties.Select((c, i) => i == 0 ? c with { Households = new FailingAfter(c.Households, c.Households.Count / 2) } : c).ToList(),
        };

        await Assert.ThrowsAsync<IOException>(() => BulkLoader.LoadAsync(db.DataSource, failing, CancellationToken.None));

        Assert.Equal(old.HouseholdCount, (int)await db.ScalarAsync<long>("SELECT count(*) FROM household"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM household WHERE household_id = $1", oldFirst));
        Assert.Equal(old.Map.Units.Count, (int)await db.ScalarAsync<long>("SELECT count(*) FROM admin_unit"));
        Assert.Contains("household_geom_gist", await IndexNamesAsync(db, "household"));
    }

    private static async Task<string[]> ForeignKeysAsync(TestDatabase db) =>
        (await db.ScalarAsync<string[]>("""
            SELECT array_agg(conname::text ORDER BY conname) FROM pg_constraint
             WHERE contype = 'f' AND conrelid IN ('household'::regclass, 'assistance_measure'::regclass, 'resettlement_site'::regclass)
            """))!;

    private static async Task<string[]> IndexNamesAsync(TestDatabase db, string table) =>
        (await db.ScalarAsync<string[]>("SELECT array_agg(indexname::text ORDER BY indexname) FROM pg_indexes WHERE tablename = $1 AND indexname NOT LIKE '%pkey'", table))!;

    /// <summary>A list that throws part-way through enumeration, standing in for a crash mid-load.</summary>
    private sealed class FailingAfter(IReadOnlyList<Household> inner, int count) : IReadOnlyList<Household>
    {
        public Household this[int index] => inner[index];
        public int Count => inner.Count;

        public IEnumerator<Household> GetEnumerator()
        {
            for (var i = 0; i < inner.Count; i++)
            {
                if (i == count) throw new IOException("simulated crash while loading");
                yield return inner[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
