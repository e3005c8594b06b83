using Npgsql;
using NpgsqlTypes;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Generation;

namespace RiskMap.Geodata.Loading;

public static partial class BulkLoader
{
    /// <summary>A plain binary COPY of every household into the partitioned table (the benchmark's baseline).</summary>
    internal static Task<int> CopyHouseholdsAsync(NpgsqlConnection conn, GeodataSet set, CancellationToken ct) =>
        CopyHouseholdsAsync(conn, "household", set.Households, freeze: false, ct);

    /// <summary>
    /// COPY FREEZE of each partition's households straight into that partition (PostgreSQL 15
    /// refuses FREEZE on a partitioned table). Valid because the load truncated them in this
    /// transaction. The rows are written frozen and their pages marked all-visible, so the scans
    /// that follow in the load (index builds, foreign-key validation) find every row's visibility
    /// settled, and nothing has to set hint bits on (rewrite) every page after the commit. Like the
    /// TRUNCATE before it, this is not MVCC-safe for a transaction whose snapshot predates the
    /// load; the TRUNCATE's exclusive lock keeps everyone else out until the commit. A COPY into a
    /// partition fires none of household's statement triggers, so their work is done here.
    /// </summary>
    private static async Task<int> CopyHouseholdsFrozenAsync(NpgsqlConnection conn, NpgsqlTransaction tx, GeodataSet set, CancellationToken ct)
    {
        var partitions = await PartitionsByCountyAsync(conn, tx, "household", set.Counties.Select(c => c.County.Value), ct);
        var rows = 0;
        foreach (var partition in set.Counties.GroupBy(c => partitions[c.County.Value]))
            rows += await CopyHouseholdsAsync(conn, partition.Key, partition.SelectMany(c => c.Households), freeze: true, ct);
        // What household's statement trigger does after a COPY into the parent (migration 0017).
        // The heat grid's insert trigger (migration 0016) has nothing to add: loaded rows carry no
        // risk score yet; the risk rebuild's UPDATE through the parent fills heat_cell.
        await ExecuteAsync(conn, tx, "SELECT household_outside_village_refill()", ct);
        return rows;
    }

    private static async Task<int> CopyHouseholdsAsync(NpgsqlConnection conn, string table, IEnumerable<Household> households, bool freeze, CancellationToken ct)
    {
        var rows = 0;
        await using var copy = await BeginCopyAsync(conn, $"""
            COPY "{table}" (household_id, county_code, village_code, geom, {HouseholdCopy.FactColumns}) FROM STDIN (FORMAT BINARY{(freeze ? ", FREEZE" : "")})
            """, ct);
        foreach (var h in households)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(h.HouseholdId, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(h.VillageCode.County.Value, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(h.VillageCode.Value, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(Ewkb.Point(h.Lon, h.Lat), NpgsqlDbType.Bytea, ct);
            await HouseholdCopy.WriteFactsAsync(copy, h, ct);
            rows++;
        }
        await copy.CompleteAsync(ct);
        return rows;
    }

    /// <summary>The measures, like the households, COPY FREEZE straight into each partition.</summary>
    private static async Task<int> CopyMeasuresAsync(NpgsqlConnection conn, NpgsqlTransaction tx, GeodataSet set, CancellationToken ct)
    {
        var partitions = await PartitionsByCountyAsync(conn, tx, "assistance_measure", set.Counties.Select(c => c.County.Value), ct);
        var rows = 0;
        foreach (var partition in set.Counties.GroupBy(c => partitions[c.County.Value]))
            rows += await CopyMeasuresAsync(conn, partition.Key, partition.SelectMany(c => c.Households), ct);
        return rows;
    }

    private static async Task<int> CopyMeasuresAsync(NpgsqlConnection conn, string table, IEnumerable<Household> households, CancellationToken ct)
    {
        var rows = 0;
        await using var copy = await BeginCopyAsync(conn,
            $"COPY \"{table}\" (county_code, household_id, kind, started_on) FROM STDIN (FORMAT BINARY, FREEZE)", ct);
        foreach (var h in households)
        {
            foreach (var measure in h.Assistance)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(h.VillageCode.County.Value, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(h.HouseholdId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(measure.Kind, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(measure.StartedOn, NpgsqlDbType.Date, ct);
                rows++;
            }
        }
        await copy.CompleteAsync(ct);
        return rows;
    }

    /// <summary>
    /// The leaf partition of <paramref name="table"/> that holds each county's rows, by the
    /// partitions' own constraints, so the partitioning scheme is written down once, in the
    /// migrations. (A row COPYed into the wrong partition would be refused by its constraint.)
    /// </summary>
    private static async Task<Dictionary<long, string>> PartitionsByCountyAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string table,
        IEnumerable<long> counties, CancellationToken ct)
    {
        var codes = counties.ToArray();
        var leaves = new List<(string Name, string? Constraint)>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT c.relname, pg_get_partition_constraintdef(c.oid)
              FROM pg_partition_tree($1::regclass) t
              JOIN pg_class c ON c.oid = t.relid
             WHERE t.isleaf
            """, conn, tx))
        {
            cmd.Parameters.Add(new() { Value = table });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) leaves.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }
        var partitions = new Dictionary<long, string>();
        foreach (var (name, constraint) in leaves)
        {
            // The constraint's text comes from the catalog: satisfies_hash_partition(…, county_code).
            await using var cmd = new NpgsqlCommand(
                $"SELECT county_code FROM unnest($1::bigint[]) AS r(county_code) WHERE {constraint ?? "true"}", conn, tx);
            cmd.Parameters.Add(new() { Value = codes });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) partitions[reader.GetInt64(0)] = name;
        }
        var missing = codes.Where(c => !partitions.ContainsKey(c)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"No partition of {table} takes county {string.Join(", ", missing)}");
        return partitions;
    }

    /// <summary>
    /// Drops the foreign keys declared on the given tables (on partitioned tables, the parent's
    /// constraint, which takes its partitions' along) and returns the statements that add them
    /// back; adding a foreign key validates every row in one join.
    /// </summary>
    private static async Task<List<string>> DropForeignKeysAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string[] tables, CancellationToken ct)
    {
        var constraints = new List<(string Table, string Name, string Definition)>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT t.relname, c.conname, pg_get_constraintdef(c.oid)
              FROM pg_constraint c
              JOIN pg_class t ON t.oid = c.conrelid
             WHERE c.contype = 'f' AND c.conparentid = 0 AND NOT t.relispartition
               AND t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
             ORDER BY t.relname, c.conname
            """, conn, tx))
        {
            cmd.Parameters.Add(new() { Value = tables });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) constraints.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (table, name, _) in constraints) await ExecuteAsync(conn, tx, $"ALTER TABLE \"{table}\" DROP CONSTRAINT \"{name}\"", ct);
        return constraints.Select(c => $"ALTER TABLE \"{c.Table}\" ADD CONSTRAINT \"{c.Name}\" {c.Definition}").ToList();
    }

    /// <summary>
    /// Drops the secondary indexes of the given tables (not primary keys or unique indexes,
    /// which foreign keys rely on) and returns the statements that recreate them. Building an
    /// index once over loaded rows is several times faster than maintaining it row by row.
    /// </summary>
    private static async Task<List<string>> DropSecondaryIndexesAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string[] tables, CancellationToken ct)
    {
        var definitions = new List<(string Name, string Definition)>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT i.relname, pg_get_indexdef(i.oid)
              FROM pg_index x
              JOIN pg_class i ON i.oid = x.indexrelid
              JOIN pg_class t ON t.oid = x.indrelid
             WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
               AND NOT x.indisprimary AND NOT x.indisunique
             ORDER BY i.relname
            """, conn, tx))
        {
            cmd.Parameters.Add(new() { Value = tables });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) definitions.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in definitions) await ExecuteAsync(conn, tx, $"DROP INDEX \"{name}\"", ct);
        // An index on a partitioned table is defined "ON ONLY" the parent; recreated without
        // ONLY it builds on every partition again.
        return definitions.Select(d => d.Definition.Replace(" ON ONLY ", " ON ", StringComparison.Ordinal)).ToList();
    }
}
