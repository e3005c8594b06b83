using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Server.Database;
using RiskMap.Server.Live;

namespace RiskMap.Server.Alerts;

/// <summary>What one clock tick did.</summary>
public sealed record ClockTick(int Promoted, int Escalated, int Pruned);

/// <summary>
/// The time-driven half of the lifecycle, on the injected clock: raises pending alerts that
/// waited their period with the condition still holding, escalates raised alerts nobody
/// acknowledged in time to the next level up (again after each further period, up to the
/// province), and prunes the live log past its retention. Safe on several servers at once: every
/// step runs under the live lock.
/// </summary>
public sealed class AlertClock(NpgsqlDataSource db, AlertSettings settings, IOptions<LiveOptions> live, TimeProvider time)
{
    public async Task<ClockTick> TickAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LiveLog.LockAsync(conn, tx, ct);
        var o = (await settings.InForceAsync(conn, tx, ct)).Options;

        var transitions = new List<AlertTransition>();
        await using var batch = new NpgsqlBatch(conn, tx);
        foreach (var id in await ReadIdsAsync(conn, tx, "Alerts.due_pending", now - o.PendingPeriod, ct))
        {
            batch.BatchCommands.Add(AlertStore.SetState(id, AlertState.Raised, now, null, null, false));
            transitions.Add(new AlertTransition(id, AlertState.Pending, AlertState.Raised, "system", $"held for {o.PendingPeriod}", AlertEvent.Raised));
        }
        var promoted = transitions.Count;
        foreach (var (id, responsible) in await ReadDueEscalationsAsync(conn, tx, now - o.EscalateAfter, ct))
        {
            if (AlertRules.EscalationTarget(responsible) is not long target) continue;
            var cmd = new NpgsqlBatchCommand(SqlFile.Load("Alerts.escalate"));
            cmd.Parameters.Add(new() { Value = id });
            cmd.Parameters.Add(new() { Value = target });
            cmd.Parameters.Add(new() { Value = now });
            batch.BatchCommands.Add(cmd);
            transitions.Add(new AlertTransition(id, AlertState.Raised, AlertState.Raised, "system",
                $"escalated to {target:D12}: not acknowledged within {o.EscalateAfter}", AlertEvent.Updated));
        }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
        await AlertStore.RecordAsync(conn, tx, transitions, now, ct);
        var pruned = await LiveLog.PruneAsync(conn, tx, now - live.Value.Retention, 10_000, ct);
        if (transitions.Count > 0) await LiveLog.NotifyAsync(conn, tx, ct);
        await tx.CommitAsync(ct);
        return new ClockTick(promoted, transitions.Count - promoted, pruned);
    }

    private static async Task<List<long>> ReadIdsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, DateTimeOffset bound, CancellationToken ct)
    {
        var ids = new List<long>();
        await using var cmd = new NpgsqlCommand(SqlFile.Load(sql), conn, tx);
        cmd.Parameters.Add(new() { Value = bound });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids.Add(r.GetInt64(0));
        return ids;
    }

    private static async Task<List<(long Id, long Responsible)>> ReadDueEscalationsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, DateTimeOffset bound, CancellationToken ct)
    {
        var due = new List<(long, long)>();
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Alerts.due_escalations"), conn, tx);
        cmd.Parameters.Add(new() { Value = bound });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) due.Add((r.GetInt64(0), r.GetInt64(1)));
        return due;
    }
}
