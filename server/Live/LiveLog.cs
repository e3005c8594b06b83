using Npgsql;
using RiskMap.Server.Database;

namespace RiskMap.Server.Live;

/// <summary>One row of the live change log.</summary>
public sealed record LiveEntry(long Seq, DateTimeOffset At, string Kind, long UnitCode, string Payload);

/// <summary>The newest seq in the log, and the seq through which it has been pruned (changes up to it are gone).</summary>
public sealed record LiveLogBounds(long Newest, long PrunedThrough);

/// <summary>
/// The live change log (table live_change), written in the transaction of the change it records
/// and read by every server's <see cref="LiveRelay"/> and by reconnecting clients.
/// </summary>
public static class LiveLog
{
    /// <summary>Takes the live lock until the transaction ends: call before appending or changing alerts.</summary>
    public static async Task LockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Live.lock"), conn, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A UnitStatsChanged row for each subject, from its figures as saved in this transaction.</summary>
    public static async Task AppendStatsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyCollection<(string Kind, long Id)> subjects, DateTimeOffset at, CancellationToken ct)
    {
        if (subjects.Count == 0) return;
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Live.append_stats"), conn, tx);
        cmd.Parameters.Add(new() { Value = subjects.Select(s => s.Kind).ToArray() });
        cmd.Parameters.Add(new() { Value = subjects.Select(s => s.Id).ToArray() });
        cmd.Parameters.Add(new() { Value = at });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>An alert row per transition, in order, with the alert as it now is.</summary>
    public static async Task AppendAlertsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<(long AlertId, string Event)> alerts, DateTimeOffset at, CancellationToken ct)
    {
        if (alerts.Count == 0) return;
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Live.append_alerts"), conn, tx);
        cmd.Parameters.Add(new() { Value = alerts.Select(a => a.AlertId).ToArray() });
        cmd.Parameters.Add(new() { Value = alerts.Select(a => a.Event).ToArray() });
        cmd.Parameters.Add(new() { Value = at });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Wakes every server's relay when the transaction commits.</summary>
    public static async Task NotifyAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Live.notify"), conn, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Rows after <paramref name="after"/>, in order, at most <paramref name="limit"/>.</summary>
    public static async Task<List<LiveEntry>> ReadAfterAsync(NpgsqlConnection conn, long after, int limit, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Live.read_after"), conn);
        cmd.Parameters.Add(new() { Value = after });
        cmd.Parameters.Add(new() { Value = limit });
        return await ReadAsync(cmd, ct);
    }

    /// <summary>Rows after <paramref name="after"/> about units in the code range [first, last].</summary>
    public static async Task<List<LiveEntry>> ReadScopeAfterAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, long after, long first, long last, int limit, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Live.read_scope_after"), conn, tx);
        cmd.Parameters.Add(new() { Value = after });
        cmd.Parameters.Add(new() { Value = first });
        cmd.Parameters.Add(new() { Value = last });
        cmd.Parameters.Add(new() { Value = limit });
        return await ReadAsync(cmd, ct);
    }

    public static async Task<LiveLogBounds> BoundsAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Live.log_bounds"), conn, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new LiveLogBounds(r.GetInt64(0), r.GetInt64(1));
    }

    /// <summary>Deletes rows older than <paramref name="before"/>, at most <paramref name="limit"/>; returns how many.</summary>
    public static async Task<int> PruneAsync(NpgsqlConnection conn, NpgsqlTransaction tx, DateTimeOffset before, int limit, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Live.prune"), conn, tx);
        cmd.Parameters.Add(new() { Value = before });
        cmd.Parameters.Add(new() { Value = limit });
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct) ?? 0);
    }

    private static async Task<List<LiveEntry>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var rows = new List<LiveEntry>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add(new LiveEntry(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetInt64(3), r.GetString(4)));
        return rows;
    }
}
