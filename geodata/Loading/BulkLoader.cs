using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using RiskMap.Geodata.Divisions;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Generation;

namespace RiskMap.Geodata.Loading;

/// <summary>
/// Replaces the units, resettlement sites, households and assistance measures in the database
/// with a generated dataset, using binary COPY, in one transaction: a crash or a cancellation
/// leaves the old data, never half of the new. The household risk columns stay NULL; the risk
/// model fills them (the server's rebuild).
/// </summary>
public static partial class BulkLoader
{
    public static async Task<LoadSummary> LoadAsync(NpgsqlDataSource dataSource, GeodataSet set, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await LoadAsync(conn, set, ct);
    }

    /// <param name="conn">An open connection with no transaction in progress.</param>
    /// <param name="set">The dataset to load.</param>
    /// <param name="ct">Cancelling rolls the whole load back.</param>
    public static async Task<LoadSummary> LoadAsync(NpgsqlConnection conn, GeodataSet set, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var stages = new List<(string, TimeSpan)>();
        var stageStart = TimeSpan.Zero;
        void Stage(string name)
        {
            stages.Add((name, clock.Elapsed - stageStart));
            stageStart = clock.Elapsed;
        }

        await using var tx = await conn.BeginTransactionAsync(ct);
        // Each index is built partition by partition (16 of at most a few hundred thousand rows);
        // a parallel worker is a fresh backend that loads PostGIS first, and on two shared cores
        // the workers cost more than they saved: the three B-tree builds took 2.8 s with the
        // default two workers and 0.7 s with none (1 M households, one run each).
        await ExecuteAsync(conn, tx, "SET LOCAL max_parallel_maintenance_workers = 0", ct);
        // Children reference parents, so empty them first; no CASCADE: a table added later that
        // references these must be handled here on purpose, not emptied silently.
        await ExecuteAsync(conn, tx, "TRUNCATE assistance_measure, household, resettlement_site, admin_unit", ct);
        // Checking foreign keys and maintaining indexes row by row costs more than the COPY;
        // both are restored after the rows are in (one validating join, one index build each).
        var loaded = new[] { "household", "assistance_measure", "resettlement_site" };
        var restore = await DropForeignKeysAsync(conn, tx, loaded, ct);
        restore.AddRange(await DropSecondaryIndexesAsync(conn, tx, ["household", "assistance_measure"], ct));
        Stage("truncate");

        var units = await CopyUnitsAsync(conn, set, ct);
        await ExecuteAsync(conn, tx, """
            UPDATE admin_unit
               SET label_point = ST_PointOnSurface(geom),
                   -- Equal-area projection (EPSG:6933) for true km².
                   area_km2 = ST_Area(ST_Transform(geom, 6933)) / 1e6
             WHERE geom IS NOT NULL
            """, ct);
        // A parent's km² is the sum of its children's. Computed from its own outline it differs
        // by about 1e-6 relative: where a child's border meets the parent's edge the child has
        // a vertex (on the edge to 1e-12 degrees) that the parent lacks, and a projection bends
        // the edge between them. Figures that add up matter more to users than that 15 m².
        for (var level = UnitLevel.Township; level >= UnitLevel.Province; level--)
        {
            await ExecuteAsync(conn, tx, $"""
                UPDATE admin_unit p SET area_km2 = c.total
                  FROM (SELECT parent_code, sum(area_km2) AS total FROM admin_unit WHERE level = {(int)level + 1} GROUP BY parent_code) c
                 WHERE p.code = c.parent_code AND p.geom IS NOT NULL
                """, ct);
        }
        Stage("units");
        var sites = await CopySitesAsync(conn, set, ct);
        var households = await CopyHouseholdsFrozenAsync(conn, tx, set, ct);
        Stage("households");
        var measures = await CopyMeasuresAsync(conn, tx, set, ct);
        Stage("assistance measures");

        // Adding a foreign key checks each partition of the referencing table with an anti-join
        // against the whole referenced table. PostgreSQL 15 has no right anti-join, so a hash
        // anti-join hashes all the households once per measures partition: 2.9 s for 1 M
        // households, against 0.85 s with hash joins off for these statements (one run each).
        await ExecuteAsync(conn, tx, "SET LOCAL enable_hashjoin = off", ct);
        foreach (var statement in restore) await ExecuteAsync(conn, tx, statement, ct);
        await ExecuteAsync(conn, tx, "SET LOCAL enable_hashjoin TO DEFAULT", ct);
        Stage("indexes and foreign keys");
        await tx.CommitAsync(ct);
        Stage("commit");
        // Fresh statistics so the planner knows the tables are no longer empty.
        await ExecuteAsync(conn, null, "ANALYZE admin_unit, resettlement_site, household, assistance_measure", ct);
        Stage("analyze");
        return new LoadSummary(units, sites, households, measures, clock.Elapsed, stages);
    }

    private static async Task<int> CopyUnitsAsync(NpgsqlConnection conn, GeodataSet set, CancellationToken ct)
    {
        var rows = 0;
        await using var copy = await BeginCopyAsync(conn, """
            COPY admin_unit (code, level, name, official_name, parent_code, province_code, prefecture_code, county_code,
                             township_code, is_key_county, schematic, geom) FROM STDIN (FORMAT BINARY)
            """, ct);
        foreach (var unit in set.Map.Units)
        {
            var code = unit.Code;
            var level = code.Level;
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(code.Value, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync((short)level, NpgsqlDbType.Smallint, ct);
            await copy.WriteAsync(DivisionNames.Short(unit.Unit.Name), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(unit.Unit.Name, NpgsqlDbType.Text, ct);
            await HouseholdCopy.WriteNullableAsync(copy, unit.Unit.ParentCode?.Value, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(code.AtLevel(UnitLevel.Province).Value, NpgsqlDbType.Bigint, ct);
            await HouseholdCopy.WriteNullableAsync<long>(copy, level >= UnitLevel.Prefecture ? code.AtLevel(UnitLevel.Prefecture).Value : null, NpgsqlDbType.Bigint, ct);
            await HouseholdCopy.WriteNullableAsync<long>(copy, level >= UnitLevel.County ? code.AtLevel(UnitLevel.County).Value : null, NpgsqlDbType.Bigint, ct);
            await HouseholdCopy.WriteNullableAsync<long>(copy, level >= UnitLevel.Township ? code.AtLevel(UnitLevel.Township).Value : null, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(unit.IsKeyCounty, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean, ct);
            if (unit.Shape is null) await copy.WriteNullAsync(ct);
            else await copy.WriteAsync(Ewkb.Of(unit.Shape), NpgsqlDbType.Bytea, ct);
            rows++;
        }
        await copy.CompleteAsync(ct);
        return rows;
    }

    private static async Task<int> CopySitesAsync(NpgsqlConnection conn, GeodataSet set, CancellationToken ct)
    {
        var rows = 0;
        await using var copy = await BeginCopyAsync(conn, """
            COPY resettlement_site (site_id, name, county_code, village_code, geom, capacity_households, relocated_households,
                                    relocated_people, labour_force, employed_labour, follow_up) FROM STDIN (FORMAT BINARY)
            """, ct);
        foreach (var site in set.Sites)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(site.SiteId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(site.Name, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(site.CountyCode.Value, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(site.VillageCode.Value, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(Ewkb.Point(site.Lon, site.Lat), NpgsqlDbType.Bytea, ct);
            await copy.WriteAsync(site.CapacityHouseholds, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(site.RelocatedHouseholds, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(site.RelocatedPeople, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(site.LabourForce, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(site.EmployedLabour, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(site.FollowUp.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            rows++;
        }
        await copy.CompleteAsync(ct);
        return rows;
    }

    private static async Task<NpgsqlBinaryImporter> BeginCopyAsync(NpgsqlConnection conn, string copy, CancellationToken ct)
    {
        var importer = await conn.BeginBinaryImportAsync(copy, ct);
        // A million-row COPY on a busy machine outlasts the 30 s command timeout; the caller's
        // token is the way to stop a load. (Npgsql 10 treats zero here as "time out at once".)
        importer.Timeout = TimeSpan.FromHours(2);
        return importer;
    }


    private static async Task ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
