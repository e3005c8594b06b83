using Npgsql;
using NpgsqlTypes;
using RiskMap.Geodata.Importing;
using RiskMap.Server.Database;

namespace RiskMap.Server.Imports;

/// <summary>
/// The bookkeeping every import does inside its one transaction: wait for any import of the
/// same content, find an earlier completed one, open the batch row, write rejects and repairs,
/// and record the counts at the end.
/// </summary>
public static class ImportBatches
{
    /// <summary>
    /// Starts an import: the id of an earlier completed import of the same content from the same
    /// area (a repeat: write nothing), or the id of a new batch row.
    /// </summary>
    public static async Task<(long ImportId, bool Repeat)> BeginAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, string kind, ImportInput input, ImportSender sender, ImportOptions options, DateTimeOffset now, CancellationToken ct)
    {
        await using (var timeout = new NpgsqlCommand("SELECT set_config('statement_timeout', $1, true)", conn, tx))
        {
            timeout.Parameters.Add(new() { Value = ((long)options.StatementTimeout.TotalMilliseconds).ToString() });
            await timeout.ExecuteNonQueryAsync(ct);
        }
        await using (var lockCmd = new NpgsqlCommand(SqlFile.Load("Imports.begin_batch"), conn, tx))
        {
            lockCmd.Parameters.Add(new() { Value = kind });
            lockCmd.Parameters.Add(new() { Value = input.ContentSha256 });
            await lockCmd.ExecuteNonQueryAsync(ct);
        }
        var area = new NpgsqlParameter<long?> { TypedValue = sender.Area.Root?.Value, NpgsqlDbType = NpgsqlDbType.Bigint };
        await using (var find = new NpgsqlCommand(SqlFile.Load("Imports.completed_batch"), conn, tx))
        {
            find.Parameters.Add(new() { Value = kind });
            find.Parameters.Add(new() { Value = input.ContentSha256 });
            find.Parameters.Add(area);
            if (await find.ExecuteScalarAsync(ct) is long earlier) return (earlier, true);
            find.Parameters.Remove(area);
        }
        await using var insert = new NpgsqlCommand(SqlFile.Load("Imports.insert_batch"), conn, tx);
        insert.Parameters.Add(new() { Value = kind });
        insert.Parameters.Add(new() { Value = input.Source });
        insert.Parameters.Add(new() { Value = input.ContentSha256 });
        insert.Parameters.Add(new() { Value = now });
        insert.Parameters.Add(new() { Value = sender.Actor });
        insert.Parameters.Add(area);
        return ((long)(await insert.ExecuteScalarAsync(ct))!, false);
    }

    public static async Task WriteRejectsAsync(NpgsqlConnection conn, long importId, IReadOnlyList<ImportReject> rejects, CancellationToken ct)
    {
        if (rejects.Count == 0) return;
        await using var copy = await conn.BeginBinaryImportAsync("COPY import_reject (import_id, line, field, reason, raw) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in rejects)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(importId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(r.Line, NpgsqlDbType.Integer, ct);
            await WriteTextAsync(copy, r.Field, ct);
            await WriteTextAsync(copy, r.Reason, ct);
            await WriteTextAsync(copy, r.Raw, ct);
        }
        await copy.CompleteAsync(ct);
    }

    public static async Task WriteRepairsAsync(NpgsqlConnection conn, long importId, IReadOnlyList<ImportRepairDto> repairs, CancellationToken ct)
    {
        if (repairs.Count == 0) return;
        await using var copy = await conn.BeginBinaryImportAsync("COPY import_repair (import_id, line, field, note) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in repairs)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(importId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(r.Line, NpgsqlDbType.Integer, ct);
            await WriteTextAsync(copy, r.Field, ct);
            await WriteTextAsync(copy, r.Note, ct);
        }
        await copy.CompleteAsync(ct);
    }

    public static async Task FinishAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, long importId, DateTimeOffset now, int loaded, int repaired, int rejected,
        IReadOnlyList<string> ignoredColumns, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Imports.finish_batch"), conn, tx);
        cmd.Parameters.Add(new() { Value = importId });
        cmd.Parameters.Add(new() { Value = now });
        cmd.Parameters.Add(new() { Value = loaded });
        cmd.Parameters.Add(new() { Value = repaired });
        cmd.Parameters.Add(new() { Value = rejected });
        cmd.Parameters.Add(new() { Value = ignoredColumns.Select(Clean).ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Writes text to a COPY, null as NULL and any NUL replaced (see <see cref="Clean"/>).</summary>
    internal static async Task WriteTextAsync(NpgsqlBinaryImporter copy, string? text, CancellationToken ct)
    {
        if (text is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(Clean(text), NpgsqlDbType.Text, ct);
    }

    /// <summary>PostgreSQL text cannot hold NUL; a rejected row's evidence may contain one.</summary>
    private static string Clean(string text) => text.Contains('\0') ? text.Replace('\0', '\uFFFD') : text;
}
