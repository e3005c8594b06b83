using Npgsql;
using RiskMap.Server.Database;
using RiskMap.Server.Live;

namespace RiskMap.Server.Alerts;

/// <summary>
/// One alert transition: audited in alert_event, and told to clients as <see cref="LiveEvent"/>
/// (raised, updated or resolved) unless null (a pending alert dropped unseen).
/// </summary>
public sealed record AlertTransition(long AlertId, string? From, string To, string Actor, string? Comment, string? LiveEvent);

/// <summary>Events clients receive for an alert.</summary>
public static class AlertEvent
{
    public const string Raised = "raised";
    public const string Updated = "updated";
    public const string Resolved = "resolved";
}

/// <summary>The alert writes shared by the engine, the clock and the hand actions; always under <see cref="LiveLog.LockAsync"/>.</summary>
public static class AlertStore
{
    public static NpgsqlBatchCommand SetState(long alertId, string state, DateTimeOffset at, string? actor, string? reason, bool suppressed)
    {
        var cmd = new NpgsqlBatchCommand(SqlFile.Load("Alerts.set_state"));
        cmd.Parameters.Add(new() { Value = alertId });
        cmd.Parameters.Add(new() { Value = state });
        cmd.Parameters.Add(new() { Value = at });
        cmd.Parameters.Add(new() { Value = (object?)actor ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = (object?)reason ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = suppressed });
        return cmd;
    }

    /// <summary>Audits the transitions (in order) and appends the visible ones to the live log.</summary>
    public static async Task RecordAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<AlertTransition> transitions, DateTimeOffset at, CancellationToken ct)
    {
        if (transitions.Count == 0) return;
        await using (var cmd = new NpgsqlCommand(SqlFile.Load("Alerts.insert_events"), conn, tx))
        {
            cmd.Parameters.Add(new() { Value = transitions.Select(t => t.AlertId).ToArray() });
            cmd.Parameters.Add(new() { Value = at });
            cmd.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = transitions.Select(t => t.From).ToArray() });
            cmd.Parameters.Add(new() { Value = transitions.Select(t => t.To).ToArray() });
            cmd.Parameters.Add(new() { Value = transitions.Select(t => t.Actor).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = transitions.Select(t => t.Comment).ToArray() });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        var visible = transitions.Where(t => t.LiveEvent is not null).Select(t => (t.AlertId, t.LiveEvent!)).ToList();
        await LiveLog.AppendAlertsAsync(conn, tx, visible, at, ct);
    }
}
