using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Alerts;
using RiskMap.Server.Database;
using RiskMap.Server.Regions;
using RiskMap.Server.Risk;
using RiskMap.Server.Statistics;

namespace RiskMap.Server.Live;

/// <summary>
/// The tail of every household write, inside its transaction: the alert rules read the changed
/// figures and households, the alert engine applies them, and the changed figures and alert
/// transitions go to the live log with a NOTIFY — so what was committed is exactly what clients
/// are told, and nothing committed is ever left untold.
/// </summary>
public sealed class ChangeRecorder(
    AlertEngine alerts, AlertSettings settings, WatchRegionFigures watchRegions, IOptions<RegionRuleOptions> regions)
{
    public async Task<IReadOnlyList<AlertTransition>> RecordAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<ChangedSubject> changed,
        IReadOnlyList<(string HouseholdId, HouseholdDelta Delta)> households, DateTimeOffset at, CancellationToken ct)
    {
        if (changed.Count == 0 && !households.Any(h => Unassisted(h.Delta.Before) != Unassisted(h.Delta.After))) return [];
        // Saved watch regions over the changed villages: their figures first (locked in turn), then their rules.
        var villages = changed.Where(c => c.Figures.Kind == SubjectKind.Unit && new UnitCode(c.Figures.SubjectId).Level == UnitLevel.Village)
            .Select(c => c.Figures.SubjectId).ToList();
        var watchReadings = await WatchReadingsAsync(conn, tx, await watchRegions.RefreshTouchedAsync(conn, tx, villages, ct), ct);
        var sites = await SiteReadings.ReadFactsAsync(conn, tx, changed.Where(c => c.Figures.Kind == SubjectKind.Site).Select(c => c.Figures.SubjectId).ToList(), ct);
        // The rules in force are read under the live lock, which a change of them takes too; what is
        // read from the database besides comes before it, so concurrent writes wait on each other no longer than they must.
        await LiveLog.LockAsync(conn, tx, ct);
        var rules = (await settings.InForceAsync(conn, tx, ct)).Options;
        var readings = Readings(changed, households, rules, regions.Value);
        readings.AddRange(SiteReadings.Of(sites, rules, regions.Value));
        readings.AddRange(watchReadings);
        var transitions = await alerts.EvaluateAsync(conn, tx, readings, at, rules, ct);
        await LiveLog.AppendStatsAsync(conn, tx, changed.Select(c => (c.Figures.Kind, c.Figures.SubjectId)).ToList(), at, ct);
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
            var before = Unassisted(d.Before);
            var after = Unassisted(d.After);
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

    private static bool Unassisted(HouseholdFacts? f) => f is { Level: >= 3, Assisted: false };

    /// <summary>The readings of the rules of watch regions whose figures changed, each told to the unit that covers the region.</summary>
    private static async Task<List<AlertReading>> WatchReadingsAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<WatchRegionChange> changes, CancellationToken ct)
    {
        var readings = new List<AlertReading>();
        var ruled = changes.Where(c => c.Rules.Count > 0).ToList();
        if (ruled.Count == 0) return readings;
        var home = new Dictionary<long, long>();
        await using (var cmd = new NpgsqlCommand(SqlFile.Load("Alerts.region_home"), conn, tx))
        {
            cmd.Parameters.Add(new() { Value = ruled.Select(c => c.RegionId).ToArray() });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) if (!r.IsDBNull(1)) home[r.GetInt64(0)] = r.GetInt64(1);
        }
        foreach (var c in ruled)
        {
            if (!home.TryGetValue(c.RegionId, out var unit)) continue;
            foreach (var rule in c.Rules.Where(r => r.RuleId is not null))
                readings.Add(AlertRules.Watch(c.RegionId, unit, rule.RuleId!.Value, rule.MeasureOf(c.Figures), rule.RaiseThreshold,
                    rule.ClearThreshold, rule.MinimumHouseholds, c.Figures.Households));
        }
        return readings;
    }
}
