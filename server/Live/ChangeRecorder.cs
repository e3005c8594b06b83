using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Alerts;
using RiskMap.Server.Risk;
using RiskMap.Server.Statistics;

namespace RiskMap.Server.Live;

/// <summary>
/// The tail of every household write, inside its transaction: the alert rules read the changed
/// figures and households, the alert engine applies them, and the changed figures and alert
/// transitions go to the live log with a NOTIFY — so what was committed is exactly what clients
/// are told, and nothing committed is ever left untold.
/// </summary>
public sealed class ChangeRecorder(AlertEngine alerts, IOptions<AlertOptions> alertOptions, IOptions<RegionRuleOptions> regions, TimeProvider time)
{
    public async Task<IReadOnlyList<AlertTransition>> RecordAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<ChangedSubject> changed,
        IReadOnlyList<(string HouseholdId, HouseholdDelta Delta)> households, CancellationToken ct)
    {
        var readings = Readings(changed, households, alertOptions.Value, regions.Value);
        if (changed.Count == 0 && readings.Count == 0) return [];
        var sites = changed.Where(c => c.Figures.Kind == SubjectKind.Site).Select(c => c.Figures.SubjectId).ToList();
        readings.AddRange(await SiteReadings.ReadAsync(conn, tx, sites, alertOptions.Value, regions.Value, ct));
        await LiveLog.LockAsync(conn, tx, ct);
        var transitions = await alerts.EvaluateAsync(conn, tx, readings, ct);
        await LiveLog.AppendStatsAsync(conn, tx, changed.Select(c => (c.Figures.Kind, c.Figures.SubjectId)).ToList(), time.GetUtcNow(), ct);
        await LiveLog.NotifyAsync(conn, tx, ct);
        return transitions;
    }

    /// <summary>
    /// The rule readings a write produces (sites aside, which need their rows): the scale rule of
    /// every unit whose figures moved, and the household rule of every household whose "level III without assistance" changed.
    /// </summary>
    public static List<AlertReading> Readings(
        IReadOnlyList<ChangedSubject> changed, IReadOnlyList<(string HouseholdId, HouseholdDelta Delta)> households,
        AlertOptions options, RegionRuleOptions regions)
    {
        var readings = new List<AlertReading>();
        foreach (var c in changed)
        {
            var f = c.Figures;
            if (f.Kind == SubjectKind.Unit)
            {
                var code = new UnitCode(f.SubjectId);
                readings.Add(AlertRules.Scale(new AlertSubject(f.Kind, f.SubjectId), f.SubjectId, RegionRuleOptions.LevelOf(code.Level), f.Counts, regions, options));
            }
        }
        if (!options.HouseholdAlerts) return readings;
        foreach (var (id, d) in households)
        {
            var before = d.Before is { } b && Unassisted(b);
            var after = d.After is { } a && Unassisted(a);
            if (before == after) continue;
            var facts = (d.After ?? d.Before)!.Value;
            var village = new UnitCode(facts.VillageCode);
            readings.Add(AlertRules.Household(village.County.Value, id, facts.VillageCode, facts.Level, facts.Assisted) with
            {
                Verdict = after ? Verdict.Raise : Verdict.Clear,
            });
        }
        return readings;
    }

    private static bool Unassisted(in HouseholdFacts f) => f.Level >= 3 && !f.Assisted;
}
