using RiskMap.Geodata.Importing;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Imports;

public sealed class BoundaryImportTests
{
    [Fact]
    public async Task BrokenFeatures_AreRejectedWithIndexFieldAndReason_RepairableOnesRepairedWithANote_AndTheRestLoad()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await ImportServices.CreateAsync(db);

        var summary = await services.ImportBoundariesAsync(ImportFiles.Kept("boundaries_broken.geojson"));

        Assert.Equal((2, 2, 6), (summary.Loaded, summary.Repaired, summary.Rejected));
        var rejects = summary.ByLine();
        AssertReject(rejects, 2, "code", "unknown unit code 513431199999");
        AssertReject(rejects, 3, "code", "code 'abc' is not a division code");
        AssertReject(rejects, 4, "geometry", "geometry type LineString");
        AssertReject(rejects, 5, "geometry", "coordinates out of range: (102.8, 95)");
        AssertReject(rejects, 6, "code", "duplicate code 513431100001 (first at feature 0)");
        AssertReject(rejects, 9, "geometry", "invalid geometry that ST_MakeValid cannot repair");
        Assert.Contains("ring 0 of polygon 0 was not closed; closed it", summary.Repairs.Where(r => r.Line == 7).Select(r => r.Note));

        Assert.Equal("MULTIPOLYGON(((102.6 28,102.7 28,102.71 28.05,102.7 28.1,102.6 28.1,102.6 28)))",
            await db.ScalarAsync<string>("SELECT ST_AsText(geom) FROM admin_unit WHERE code = $1", TestUnits.VillageA1));
        Assert.True(await db.ScalarAsync<bool>("""
            SELECT NOT schematic AND ST_Contains(geom, label_point) AND abs(area_km2 - ST_Area(geom::geography) / 1e6) < 0.01 * area_km2
            FROM admin_unit WHERE code = $1
            """, TestUnits.VillageA1));
        Assert.True(await db.ScalarAsync<bool>("SELECT schematic FROM admin_unit WHERE code = $1", TestUnits.VillageB2));
        Assert.True(await db.ScalarAsync<bool>("SELECT NOT schematic FROM admin_unit WHERE code = $1", TestUnits.County));
    }

    [Fact]
    public async Task SelfIntersectingBowTie_IsRepairedWithMakeValid_IntoTwoValidTriangles_WithANoteNamingTheFault()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await ImportServices.CreateAsync(db);
        var path = ImportFiles.Write("bowtie.geojson", """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"513431100002"},
             "geometry":{"type":"Polygon","coordinates":[[[102.7,28.0],[102.8,28.1],[102.8,28.0],[102.7,28.1],[102.7,28.0]]]}}]}
            """);

        var summary = await services.ImportBoundariesAsync(path);

        Assert.Equal((0, 1, 0), (summary.Loaded, summary.Repaired, summary.Rejected));
        var repair = Assert.Single(summary.Repairs);
        Assert.Equal((0, "geometry"), (repair.Line, repair.Field));
        Assert.Equal("invalid geometry (Self-intersection[102.75 28.05]) repaired with ST_MakeValid", repair.Note);
        Assert.True(await db.ScalarAsync<bool>("""
            SELECT ST_IsValid(geom) AND ST_NumGeometries(geom) = 2 AND ST_Equals(geom,
                   'SRID=4326;MULTIPOLYGON(((102.7 28,102.7 28.1,102.75 28.05,102.7 28)),((102.75 28.05,102.8 28.1,102.8 28,102.75 28.05)))'::geometry)
            FROM admin_unit WHERE code = $1
            """, TestUnits.VillageA2));
    }

    [Fact]
    public async Task UnsupportedCrs_RejectsTheWholeFileNamingIt_AndWritesNothing()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await ImportServices.CreateAsync(db);
        var before = await HouseholdImportTests.Snapshot(db);

        var e = await Assert.ThrowsAsync<ImportFileException>(() => services.ImportBoundariesAsync(ImportFiles.Kept("boundaries_epsg4547.geojson")));

        Assert.StartsWith("unsupported CRS 'urn:ogc:def:crs:EPSG::4547'", e.Message);
        Assert.Equal(before, await HouseholdImportTests.Snapshot(db));
    }

    [Fact]
    public async Task WebMercatorFile_IsTransformedToLongitudeAndLatitude()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await ImportServices.CreateAsync(db);
        var ring = string.Join(",", new[] { (102.6, 28.0), (102.7, 28.0), (102.7, 28.1), (102.6, 28.1), (102.6, 28.0) }.Select(p =>
        {
            var (x, y) = Mercator(p.Item1, p.Item2);
            return FormattableString.Invariant($"[{x:R},{y:R}]");
        }));
        var path = ImportFiles.Write("mercator.geojson", $$$"""
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},
             "features":[{"type":"Feature","properties":{"code":"513431100001"},"geometry":{"type":"Polygon","coordinates":[[{{{ring}}}]]}}]}
            """);

        var summary = await services.ImportBoundariesAsync(path);

        Assert.Equal(1, summary.Loaded);
        Assert.True(await db.ScalarAsync<bool>(
            "SELECT ST_HausdorffDistance(geom, ST_MakeEnvelope(102.6, 28.0, 102.7, 28.1, 4326)) < 1e-9 FROM admin_unit WHERE code = $1", TestUnits.VillageA1));
    }

    [Fact]
    public async Task SameFileAgain_ChangesNothing()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await ImportServices.CreateAsync(db);
        var first = await services.ImportBoundariesAsync(ImportFiles.Kept("boundaries_broken.geojson"));
        var before = await HouseholdImportTests.Snapshot(db);

        var again = await services.ImportBoundariesAsync(ImportFiles.Kept("boundaries_broken.geojson"));

        Assert.True(again.Repeat);
        Assert.Equal((first.ImportId, first.Loaded, first.Repaired, first.Rejected), (again.ImportId, again.Loaded, again.Repaired, again.Rejected));
        Assert.Equal(before, await HouseholdImportTests.Snapshot(db));
    }

    [Fact]
    public async Task ConnectionKilledMidBoundaryImport_LeavesTheOldBoundariesAndNothingOfTheNew()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await ImportServices.CreateAsync(db);
        var before = await HouseholdImportTests.Snapshot(db);
        // Another session holds the units so the import stops inside its transaction, with its batch
        // begun and its features staged; then the importer's backend dies as a crashed server's would.
        await using var holder = await db.DataSource.OpenConnectionAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockUnits = new Npgsql.NpgsqlCommand("LOCK TABLE admin_unit IN EXCLUSIVE MODE", holder, hold))
            await lockUnits.ExecuteNonQueryAsync();
        var import = services.ImportBoundariesAsync(ImportFiles.Kept("boundaries_broken.geojson"));
        long? importer = null;
        for (var i = 0; i < 200 && importer is null; i++)
        {
            importer = await db.ScalarAsync<long?>(
                "SELECT pid::bigint FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' LIMIT 1");
            if (importer is null) await Task.Delay(50);
        }
        Assert.NotNull(importer);
        await db.ScalarAsync<bool>("SELECT pg_terminate_backend($1::int)", importer.Value);
        await hold.RollbackAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => import);

        db.DataSource.Clear();
        Assert.Equal(before, await HouseholdImportTests.Snapshot(db));
        // and the same file imports afterwards as if nothing had happened
        var summary = await services.ImportBoundariesAsync(ImportFiles.Kept("boundaries_broken.geojson"));
        Assert.False(summary.Repeat);
        Assert.True(summary.Loaded > 0);
    }

    private static (double X, double Y) Mercator(double lon, double lat)
    {
        const double r = 6_378_137;
        return (r * lon * Math.PI / 180, r * Math.Log(Math.Tan(Math.PI / 4 + lat * Math.PI / 360)));
    }

    private static void AssertReject(ILookup<int, Server.Imports.ImportRejectDto> rejects, int index, string field, string reason)
    {
        var r = Assert.Single(rejects[index]);
        Assert.Equal(field, r.Field);
        Assert.Contains(reason, r.Reason);
    }
}
