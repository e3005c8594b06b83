using Npgsql;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;

namespace RiskMap.Server.Exports;

/// <summary>
/// The audit of exports (table export_audit): who exported what from which area, when, and how
/// many rows. The row is written before the first byte leaves, so an export that fails midway is
/// on record too (without a row count).
/// </summary>
public sealed class ExportAudit(NpgsqlDataSource db, TimeProvider time)
{
    /// <summary>Records an export by an HTTP caller; returns the audit row's id for <see cref="FinishAsync"/>.</summary>
    public Task<long> StartAsync(Caller caller, string what, AreaScope area, CancellationToken ct) =>
        StartAsync(caller.Actor, caller.UserId, "http", what, area, ct);

    /// <summary>Records an export by the CLI (<c>./riskmap export</c>), as the operating-system user who ran it.</summary>
    public Task<long> StartCliAsync(string what, CancellationToken ct) =>
        StartAsync($"cli:{Environment.UserName}", null, "cli", what, AreaScope.Everywhere, ct);

    public async Task FinishAsync(long auditId, long rows, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Exports.finish_export_audit"));
        cmd.Parameters.Add(new() { Value = auditId });
        cmd.Parameters.Add(new() { Value = rows });
        cmd.Parameters.Add(new() { Value = time.GetUtcNow() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<long> StartAsync(string actor, long? userId, string via, string what, AreaScope area, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Exports.insert_export_audit"));
        cmd.Parameters.Add(new() { Value = time.GetUtcNow() });
        cmd.Parameters.Add(new() { Value = actor });
        cmd.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = userId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new() { Value = via });
        cmd.Parameters.Add(new() { Value = what });
        cmd.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = area.Root?.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
