using Npgsql;
using NpgsqlTypes;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Generation;

namespace RiskMap.Geodata.Loading;

public static partial class BulkLoader
{
    internal static async Task<int> CopyHouseholdsAsync(NpgsqlConnection conn, GeodataSet set, CancellationToken ct)
    {
        var rows = 0;
        await using var copy = await BeginCopyAsync(conn, $"""
            COPY household (household_id, county_code, village_code, geom, {HouseholdCopy.FactColumns}) FROM STDIN (FORMAT BINARY)
            """, ct);
        foreach (var h in set.Households)
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

    private static async Task<int> CopyMeasuresAsync(NpgsqlConnection conn, GeodataSet set, CancellationToken ct)
    {
        var rows = 0;
        await using var copy = await BeginCopyAsync(conn, 
            "COPY assistance_measure (county_code, household_id, kind, started_on) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var h in set.Households)
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
