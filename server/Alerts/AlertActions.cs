using Npgsql;
using RiskMap.Server.Database;
using RiskMap.Server.Live;

namespace RiskMap.Server.Alerts;

/// <summary>The outcome of a hand action on an alert.</summary>
public enum AlertActionOutcome { Done, NotFound, WrongState }

/// <summary>
/// What people do to alerts: acknowledge (who, comment) and resolve by hand (who, reason). Each is
/// audited and told to clients like any transition. An alert resolved by hand while its
/// condition still holds stays quiet until the condition clears, so resolving is not undone by
/// the next household change.
/// </summary>
public sealed class AlertActions(NpgsqlDataSource db, TimeProvider time)
{
    public Task<(AlertActionOutcome, string? State)> AcknowledgeAsync(long alertId, string by, string? comment, CancellationToken ct) =>
        ActAsync(alertId, state => state == AlertState.Raised, (conn, tx, state, holds, now) =>
        {
            var cmd = new NpgsqlBatchCommand(SqlFile.Load("Alerts.acknowledge"));
            cmd.Parameters.Add(new() { Value = alertId });
            cmd.Parameters.Add(new() { Value = by });
            cmd.Parameters.Add(new() { Value = (object?)comment ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            cmd.Parameters.Add(new() { Value = now });
            return (cmd, new AlertTransition(alertId, state, AlertState.Acknowledged, by, comment, AlertEvent.Updated));
        }, ct);

    public Task<(AlertActionOutcome, string? State)> ResolveAsync(long alertId, string by, string reason, CancellationToken ct) =>
        ActAsync(alertId, state => state != AlertState.Resolved, (conn, tx, state, holds, now) =>
            (AlertStore.SetState(alertId, AlertState.Resolved, now, by, reason, suppressed: holds),
             new AlertTransition(alertId, state, AlertState.Resolved, by, reason, state == AlertState.Pending ? null : AlertEvent.Resolved)), ct);

    private async Task<(AlertActionOutcome, string?)> ActAsync(
        long alertId, Func<string, bool> allowed,
        Func<NpgsqlConnection, NpgsqlTransaction, string, bool, DateTimeOffset, (NpgsqlBatchCommand, AlertTransition)> act, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LiveLog.LockAsync(conn, tx, ct);
        string state;
        bool holds;
        await using (var cmd = new NpgsqlCommand(SqlFile.Load("Alerts.lock_alert"), conn, tx))
        {
            cmd.Parameters.Add(new() { Value = alertId });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return (AlertActionOutcome.NotFound, null);
            (state, holds) = (r.GetString(0), r.GetBoolean(1));
        }
        if (!allowed(state)) return (AlertActionOutcome.WrongState, state);
        var now = time.GetUtcNow();
        var (update, transition) = act(conn, tx, state, holds, now);
        await using (var batch = new NpgsqlBatch(conn, tx) { BatchCommands = { update } })
            await batch.ExecuteNonQueryAsync(ct);
        await AlertStore.RecordAsync(conn, tx, [transition], now, ct);
        await LiveLog.NotifyAsync(conn, tx, ct);
        await tx.CommitAsync(ct);
        return (AlertActionOutcome.Done, transition.To);
    }
}
