using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Database;
using RiskMap.Server.Live;
using RiskMap.Server.Risk;

namespace RiskMap.Server.Alerts;

/// <summary>
/// Re-evaluates the scale rule of every unit and the rules of every site from their stored
/// figures, through the same engine as live writes: raises what a bulk load or rebuild brought
/// over a threshold and resolves what it brought under. Household alerts are raised by changes
/// only (a household reaching III), never by a sweep.
/// </summary>
public sealed class AlertSweep(NpgsqlDataSource db, AlertEngine engine, AlertSettings settings, IOptions<RegionRuleOptions> regions, TimeProvider time)
{
    public async Task<IReadOnlyList<AlertTransition>> RunAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // Locked before reading, so no write changes the figures between the reading and the decision.
        await LiveLog.LockAsync(conn, tx, ct);
        var rules = (await settings.InForceAsync(conn, tx, ct)).Options;
        var transitions = await SweepAsync(conn, tx, rules, time.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
        return transitions;
    }

    /// <summary>
    /// The sweep with <paramref name="rules"/>, in the caller's transaction, which holds the live lock:
    /// also how a change of the rules takes effect at once on every unit and site.
    /// </summary>
    public async Task<IReadOnlyList<AlertTransition>> SweepAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, AlertOptions rules, DateTimeOffset now, CancellationToken ct)
    {
        var readings = new List<AlertReading>();
        await using (var cmd = new NpgsqlCommand(SqlFile.Load("Alerts.unit_counts"), conn, tx))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var code = new UnitCode(r.GetInt64(0));
                var counts = new LevelCounts(r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4));
                readings.Add(AlertRules.Scale(new AlertSubject("unit", code.Value), code.Value, RegionRuleOptions.LevelOf(code.Level), counts, regions.Value, rules));
            }
        }
        readings.AddRange(await SiteReadings.ReadAsync(conn, tx, null, rules, regions.Value, ct));
        var transitions = await engine.EvaluateAsync(conn, tx, readings, now, rules, ct);
        if (transitions.Count > 0) await LiveLog.NotifyAsync(conn, tx, ct);
        return transitions;
    }
}
