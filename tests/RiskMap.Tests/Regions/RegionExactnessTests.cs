using System.Data;
using Npgsql;
using RiskMap.Server.Demo;
using RiskMap.Server.Regions;
using RiskMap.Server.Statistics;
using RiskMap.Tests.Infrastructure;
using static RiskMap.Tests.Regions.RegionRequests;

namespace RiskMap.Tests.Regions;

public sealed class RegionExactnessTests
{
    [Fact]
    public async Task FastFigures_EqualTestingEveryHousehold_ForManyRandomRegions()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        // 凉山州's 17 counties with their real codes (schematic outlines), ~45 k households.
        await services.Get<DemoData>().LoadAsync(new DemoOptions { Root = "5134", Scale = 0.03 }, CancellationToken.None);
        await MoveSomeHouseholdsOutsideTheirVillagesAsync(db);
        var extent = await ExtentAsync(db);
        var points = await ListAsync(db, "SELECT ST_X(geom) || ' ' || ST_Y(geom) FROM household ORDER BY household_id");
        var outlines = await ListAsync(db, "SELECT ST_AsText(geom) FROM admin_unit WHERE level >= 3 AND geom IS NOT NULL ORDER BY code");
        var random = new Random(2024);
        (double, double) Point() { var p = points[random.Next(points.Count)].Split(' '); return (double.Parse(p[0]), double.Parse(p[1])); }

        var regions = new List<(string Kind, string Wkt)> { ("huge", RandomRegions.Huge(extent)) };
        for (var i = 0; i < 12; i++)
        {
            regions.Add(("convex", RandomRegions.Convex(random, extent)));
            regions.Add(("concave", RandomRegions.Concave(random, extent)));
            regions.Add(("holes", RandomRegions.WithHoles(random, extent)));
            regions.Add(("two parts", RandomRegions.TwoParts(random, extent)));
            var (lon, lat) = Point();
            regions.Add(("tiny", RandomRegions.Tiny(random, lon, lat)));
            regions.Add(("edges through households", RandomRegions.BoxThrough(Point(), Point())));
            regions.Add(("a unit's own outline", outlines[random.Next(outlines.Count)]));
        }

        var checkedRegions = 0;
        var usedBothPaths = 0;
        var incomes = services.Get<VillageIncomeCache>();
        await using var conn = await db.DataSource.OpenConnectionAsync();
        // Twice over: first with the whole villages' incomes read from the households, then from the cache.
        foreach (var (kind, wkt) in regions.Concat(regions))
        {
            var wkb = await ValidWkbAsync(conn, wkt);
            if (wkb is null) continue;
            await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead);
            var coverage = await RegionCoverage.ReadAsync(conn, tx, wkb, CancellationToken.None);
            var fast = await RegionFiguresQuery.ComputeAsync(conn, tx, wkb, coverage, incomes, SubjectKind.Region, 0, CancellationToken.None);
            var naive = await NaiveRegionFigures.ComputeAsync(conn, tx, wkb, CancellationToken.None);
            Assert.True(Describe(naive) == Describe(fast.Figures), $"{kind} region {wkt[..Math.Min(wkt.Length, 300)]}\nnaive {Describe(naive)}\nfast  {Describe(fast.Figures)}");

            var (total, listed) = await RegionHouseholds.ReadAsync(conn, tx, wkb, coverage, 1, null, 0, CancellationToken.None);
            Assert.Equal(naive.Level1 + naive.Level2 + naive.Level3, total);
            Assert.Equal(await NaiveVisitListAsync(conn, tx, wkb), listed.Select(h => h.HouseholdId).Order(StringComparer.Ordinal));
            await tx.CommitAsync();
            checkedRegions++;
            if (coverage.WholeVillages.Length > 0 && fast.HouseholdsTested > 0) usedBothPaths++;
        }

        Assert.True(checkedRegions >= 160, $"only {checkedRegions / 2} regions were valid");
        Assert.True(usedBothPaths >= 10, $"only {usedBothPaths} regions summed whole villages and tested households too");
    }

    /// <summary>
    /// Households the fast path cannot find through their village: scattered anywhere, moved onto
    /// a corner of their village (on the border with its neighbours), and all of one village
    /// whose outline is removed.
    /// </summary>
    private static async Task MoveSomeHouseholdsOutsideTheirVillagesAsync(TestDatabase db)
    {
        await db.ExecuteAsync("""
            UPDATE household h SET geom = ST_SetSRID(ST_MakePoint(e.x0 + (e.x1 - e.x0) * random(), e.y0 + (e.y1 - e.y0) * random()), 4326)
            FROM (SELECT ST_XMin(b) x0, ST_XMax(b) x1, ST_YMin(b) y0, ST_YMax(b) y1 FROM (SELECT ST_Extent(geom)::geometry b FROM admin_unit WHERE level = 5) x) e
            WHERE abs(hashtext(h.household_id)) % 60 = 0
            """);
        await db.ExecuteAsync("""
            UPDATE household h SET geom = ST_PointN(ST_ExteriorRing(ST_GeometryN(v.geom, 1)), 1 + abs(hashtext(h.household_id)) % 3)
            FROM admin_unit v WHERE v.code = h.village_code AND abs(hashtext(h.household_id || 'corner')) % 50 = 0
            """);
        await db.ExecuteAsync("UPDATE admin_unit SET geom = NULL WHERE code = (SELECT min(village_code) FROM household WHERE village_code % 7 = 3)");
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM household_outside_village") > 500);
    }

    private static async Task<byte[]?> ValidWkbAsync(NpgsqlConnection conn, string wkt)
    {
        await using var cmd = new NpgsqlCommand("SELECT CASE WHEN ST_IsValid(g) THEN ST_AsBinary(g) END FROM ST_GeomFromText($1, 4326) g", conn);
        cmd.Parameters.Add(new() { Value = wkt });
        return await cmd.ExecuteScalarAsync() as byte[];
    }

    private static async Task<List<string>> NaiveVisitListAsync(NpgsqlConnection conn, NpgsqlTransaction tx, byte[] wkb)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT household_id FROM household WHERE ST_Intersects(ST_GeomFromWKB($1, 4326), geom) AND risk_level >= 1 ORDER BY household_id COLLATE \"C\"", conn, tx);
        cmd.Parameters.Add(new() { Value = wkb });
        var ids = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) ids.Add(r.GetString(0));
        return ids;
    }

    private static async Task<Extent> ExtentAsync(TestDatabase db)
    {
        var box = (await ListAsync(db, "SELECT concat_ws(' ', ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)) FROM (SELECT ST_Extent(geom)::geometry b FROM admin_unit WHERE level = 3) x"))[0]
            .Split(' ').Select(double.Parse).ToArray();
        return new Extent(box[0], box[1], box[2], box[3]);
    }

    private static async Task<List<string>> ListAsync(TestDatabase db, string sql)
    {
        var rows = new List<string>();
        await using var cmd = db.DataSource.CreateCommand(sql);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) rows.Add(r.GetString(0));
        return rows;
    }

    private static string Describe(RegionFigures f) => string.Join(",",
        f.Households, f.Monitored, f.Level1, f.Level2, f.Level3, f.CategoryUnstable, f.CategoryMarginal, f.CategorySudden,
        string.Join("/", f.RiskTypeCounts), f.Assisted, f.GapShouldMonitor, f.GapUnassisted, f.GapShouldExit, f.IncomeMedian);
}
