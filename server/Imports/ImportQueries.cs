using Npgsql;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;

namespace RiskMap.Server.Imports;

/// <summary>Reads finished imports: their summaries and pages of their rejects, as an area sees them (imports sent from within it).</summary>
public sealed class ImportQueries(NpgsqlDataSource db, Microsoft.Extensions.Options.IOptions<ImportOptions> options)
{
    /// <summary>The summary of a finished import sent from within <paramref name="area"/>, or null when there is none with that id.</summary>
    public async Task<ImportSummary?> SummaryAsync(long importId, AreaScope area, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await SummaryAsync(conn, null, importId, repeat: false, area, ct);
    }

    /// <summary>The summary read on the import's own connection, before or after its commit.</summary>
    public async Task<ImportSummary?> SummaryAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, long importId, bool repeat, AreaScope area, CancellationToken ct)
    {
        var length = options.Value.SummaryListLength;
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Imports.batch"), conn, tx);
        cmd.Parameters.Add(new() { Value = importId });
        cmd.Parameters.Add(new() { Value = area.First });
        cmd.Parameters.Add(new() { Value = area.Last });
        cmd.Parameters.Add(new() { Value = area.IsEverywhere });
        ImportSummary summary;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            if (!await r.ReadAsync(ct)) return null;
            summary = new ImportSummary(
                r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), repeat, r.GetInt32(6), r.GetInt32(7), r.GetInt32(8),
                r.GetInt64(10), [], r.GetInt64(11), [], r.GetFieldValue<string[]>(9),
                r.GetFieldValue<DateTimeOffset>(4), r.GetFieldValue<DateTimeOffset>(5));
        }
        return summary with
        {
            Rejects = await RejectsAsync(conn, tx, importId, 0, length, ct),
            Repairs = await RepairsAsync(conn, tx, importId, length, ct),
        };
    }

    public async Task<IReadOnlyList<ImportRejectDto>> RejectsAsync(long importId, int offset, int limit, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await RejectsAsync(conn, null, importId, offset, limit, ct);
    }

    private static async Task<IReadOnlyList<ImportRejectDto>> RejectsAsync(
        NpgsqlConnection conn, NpgsqlTransaction? tx, long importId, int offset, int limit, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Imports.rejects"), conn, tx);
        cmd.Parameters.Add(new() { Value = importId });
        cmd.Parameters.Add(new() { Value = (long)offset });
        cmd.Parameters.Add(new() { Value = (long)limit });
        var list = new List<ImportRejectDto>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new ImportRejectDto(r.GetInt32(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        return list;
    }

    private static async Task<IReadOnlyList<ImportRepairDto>> RepairsAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, long importId, int limit, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Imports.repairs"), conn, tx);
        cmd.Parameters.Add(new() { Value = importId });
        cmd.Parameters.Add(new() { Value = 0L });
        cmd.Parameters.Add(new() { Value = (long)limit });
        var list = new List<ImportRepairDto>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(new ImportRepairDto(r.GetInt32(0), r.GetString(1), r.GetString(2)));
        return list;
    }
}
