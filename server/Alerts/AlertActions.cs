using Npgsql;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;
using RiskMap.Server.Live;

namespace RiskMap.Server.Alerts;

/// <summary>Who acts on an alert: the name they give (<c>by</c>), their account, and their area.</summary>
public sealed record AlertActor(string By, string Account, AreaScope Area)
{
    /// <summary>What the audit trail records: the name given and the account that gave it.</summary>
    public string Audited => By == Account ? By : $"{By} ({Account})";
}

/// <summary>The outcome of a hand action on an alert.</summary>
public enum AlertActionOutcome { Done, NotFound, WrongState }

/// <summary>
/// What people do to alerts: acknowledge (who, comment) and resolve by hand (who, reason). Each is
/// audited and told to clients like any transition. An alert resolved by hand while its
/// condition still holds stays quiet until the condition clears, so resolving is not undone by
/// the next household change. <see cref="AlertActor"/> names who acted: the name they give, shown on
/// the alert, and in the audit trail with the account that signed in. An alert outside the actor's
/// area is not found.
/// </summary>
public sealed class AlertActions(NpgsqlDataSource db, TimeProvider time)
{
    public Task<(AlertActionOutcome, string? State)> AcknowledgeAsync(long alertId, AlertActor actor, string? comment, CancellationToken ct) =>
        ActAsync(alertId, actor.Area, state => state == AlertState.Raised, (conn, tx, state, holds, now) =>
        {
            var cmd = new NpgsqlBatchCommand(SqlFile.Load("Alerts.acknowledge"));
            cmd.Parameters.Add(new() { Value = alertId });
            cmd.Parameters.Add(new() { Value = actor.By });
            cmd.Parameters.Add(new() { Value = (object?)comment ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            cmd.Parameters.Add(new() { Value = now });
            return (cmd, new AlertTransition(alertId, state, AlertState.Acknowledged, actor.Audited, comment, AlertEvent.Updated));
        }, ct);

    public Task<(AlertActionOutcome, string? State)> ResolveAsync(long alertId, AlertActor actor, string reason, CancellationToken ct) =>
        ActAsync(alertId, actor.Area, state => state != AlertState.Resolved, (conn, tx, state, holds, now) =>
            (AlertStore.SetState(alertId, AlertState.Resolved, now, actor.By, reason, suppressed: holds),
             new AlertTransition(alertId, state, AlertState.Resolved, actor.Audited, reason, state == AlertState.Pending ? null : AlertEvent.Resolved)), ct);

    private async Task<(AlertActionOutcome, string?)> ActAsync(
        long alertId, AreaScope area, Func<string, bool> allowed,
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
            if (!await r.ReadAsync(ct) || !area.Contains(r.GetInt64(2))) return (AlertActionOutcome.NotFound, null);
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
