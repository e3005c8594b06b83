using System.Data;
using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Database;
using RiskMap.Server.Statistics;

namespace RiskMap.Server.Live;

/// <summary>
/// What a (re)subscribing client needs: a snapshot of a unit (figures, open alerts, the log
/// position they are as of) or the changes under it after a version. Each is read in one
/// repeatable-read snapshot, and log order is commit order, so "as of version N" is exact.
/// </summary>
public sealed class LiveCatchUpReader(NpgsqlDataSource db, IOptions<LiveOptions> options)
{
    public async Task<bool> UnitExistsAsync(UnitCode unit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Live.unit_exists"));
        cmd.Parameters.Add(new() { Value = unit.Value });
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public async Task<SubscriptionSnapshot> SnapshotAsync(UnitCode unit, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var bounds = await LiveLog.BoundsAsync(conn, tx, ct);
        var snapshot = await SnapshotAsync(conn, tx, unit, bounds.Newest, ct);
        await tx.CommitAsync(ct);
        return snapshot;
    }

    public async Task<CatchUp> ChangesAfterAsync(UnitCode unit, long after, CancellationToken ct)
    {
        var limit = options.Value.CatchUpLimit;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var bounds = await LiveLog.BoundsAsync(conn, tx, ct);
        var code = unit.ToString();
        // Pruned past what the client saw, or a version this database never issued (it was replaced).
        if (after < bounds.PrunedThrough || after > bounds.Newest)
            return new CatchUp(code, bounds.Newest, true, [], [], await SnapshotAsync(conn, tx, unit, bounds.Newest, ct));

        var span = StatisticsStore.SpanOf(unit.Level);
        var rows = await LiveLog.ReadScopeAfterAsync(conn, tx, after, unit.Value, unit.Value + span - 1, limit + 1, ct);
        if (rows.Count > limit)
            return new CatchUp(code, bounds.Newest, true, [], [], await SnapshotAsync(conn, tx, unit, bounds.Newest, ct));

        var latest = new Dictionary<(string, string), UnitStatsMessage>();
        var alerts = new List<AlertMessage>();
        foreach (var row in rows)
        {
            if (row.Kind == "alert") { alerts.Add(LiveMessageJson.Alert(row)); continue; }
            var m = LiveMessageJson.Stats(row);
            latest[(m.Kind, m.Id)] = m;
        }
        await tx.CommitAsync(ct);
        return new CatchUp(code, bounds.Newest, false, latest.Values.OrderBy(m => m.Version).ToList(), alerts, null);
    }

    private static async Task<SubscriptionSnapshot> SnapshotAsync(NpgsqlConnection conn, NpgsqlTransaction tx, UnitCode unit, long version, CancellationToken ct)
    {
        UnitStatsMessage? figures = null;
        await using (var cmd = new NpgsqlCommand(SqlFile.Load("Live.unit_figures"), conn, tx))
        {
            cmd.Parameters.Add(new() { Value = unit.Value });
            if (await cmd.ExecuteScalarAsync(ct) is string payload) figures = LiveMessageJson.Stats(payload, version);
        }
        var alerts = new List<AlertMessage>();
        await using (var cmd = new NpgsqlCommand(SqlFile.Load("Live.open_alerts_under"), conn, tx))
        {
            cmd.Parameters.Add(new() { Value = unit.Value });
            cmd.Parameters.Add(new() { Value = unit.Value + StatisticsStore.SpanOf(unit.Level) - 1 });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) alerts.Add(LiveMessageJson.Alert(r.GetString(0), version));
        }
        return new SubscriptionSnapshot(unit.ToString(), version, figures, alerts);
    }
}
