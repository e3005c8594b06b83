using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Risk;

namespace RiskMap.Server.Statistics;

/// <summary>One household's facts before and after a change (null: it did not exist / was removed).</summary>
public readonly record struct HouseholdDelta(HouseholdFacts? Before, HouseholdFacts? After);

/// <summary>A subject whose figures a change moved, with its figures now.</summary>
public sealed record ChangedSubject(RegionFigures Figures, bool ZoneChanged, string PreviousZone);

/// <summary>
/// Incremental statistics: folds a batch of household changes into the figures of only the
/// units and sites they touch (a village and its four ancestors, a site), inside the caller's
/// transaction, and reports what changed. Counts move by deltas at once; income medians, which
/// need every income under a unit, are marked stale here and recomputed by the
/// <see cref="MedianRefresher"/> off the write path.
/// </summary>
public sealed class StatisticsMaintainer(IOptions<RegionRuleOptions> rules)
{
    /// <summary>Folds the deltas in; figures saved and history kept at <paramref name="at"/>, the write's moment.</summary>
    public async Task<IReadOnlyList<ChangedSubject>> ApplyAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<HouseholdDelta> deltas, DateTimeOffset at, CancellationToken ct)
    {
        var unitIds = new SortedSet<long>();
        var siteIds = new SortedSet<long>();
        var staleUnits = new HashSet<long>();
        var staleSites = new HashSet<long>();
        foreach (var d in deltas)
        {
            if (d.Before == d.After) continue;
            var movesMedian = d.Before?.Income != d.After?.Income || d.Before?.VillageCode != d.After?.VillageCode || d.Before?.SiteId != d.After?.SiteId;
            foreach (var f in new[] { d.Before, d.After })
            {
                if (f is not { } facts) continue;
                foreach (var u in facts.Units())
                {
                    unitIds.Add(u);
                    if (movesMedian) staleUnits.Add(u);
                }
                if (facts.SiteId is not long s) continue;
                siteIds.Add(s);
                if (movesMedian) staleSites.Add(s);
            }
        }
        if (unitIds.Count == 0) return [];

        // Locked in code order, so two concurrent batches cannot deadlock on the same units.
        var units = await StatisticsStore.LoadForUpdateAsync(conn, tx, SubjectKind.Unit, unitIds, ct);
        var sites = await StatisticsStore.LoadForUpdateAsync(conn, tx, SubjectKind.Site, siteIds, ct);
        var before = units.Values.Concat(sites.Values).ToDictionary(f => (f.Kind, f.SubjectId), f => f.Copy());

        foreach (var d in deltas)
        {
            // An unchanged household adds nothing, and its units were not loaded when no other change touches them.
            if (d.Before == d.After) continue;
            if (d.Before is { } b) Fold(units, sites, b, -1);
            if (d.After is { } a) Fold(units, sites, a, +1);
        }

        var changed = new List<ChangedSubject>();
        var save = new List<RegionFigures>();
        // History keeps what trends and "as of" replay draw; a change it would not show (a visit, help, a gap) adds no row.
        var history = new List<RegionFigures>();
        foreach (var f in units.Values.Concat(sites.Values))
        {
            f.Classify(f.Kind == SubjectKind.Site ? RegionLevel.Site : RegionRuleOptions.LevelOf(new UnitCode(f.SubjectId).Level), rules.Value);
            var old = before[(f.Kind, f.SubjectId)];
            // A change that moves the median writes the row even when it is stale already: the refresher
            // clears the mark only of rows unchanged since it read them, so this change is not lost.
            var medianMoved = (f.Kind == SubjectKind.Site ? staleSites : staleUnits).Contains(f.SubjectId);
            if (medianMoved) f.MedianStale = true;
            var moved = !f.SameFiguresAs(old);
            if (moved)
            {
                f.Version = old.Version + 1;
                changed.Add(new ChangedSubject(f, f.Zone != old.Zone, old.Zone));
                if (!f.SameHistoryAs(old)) history.Add(f);
            }
            if (moved || medianMoved) save.Add(f);
        }
        await StatisticsStore.SaveAsync(conn, tx, save, at, ct);
        await StatisticsStore.AppendHistoryAsync(conn, tx, history, at, ct);
        return changed;
    }

    private static void Fold(Dictionary<long, RegionFigures> units, Dictionary<long, RegionFigures> sites, in HouseholdFacts f, int sign)
    {
        foreach (var u in f.Units()) units[u].Apply(f, sign);
        if (f.SiteId is long s) sites[s].Apply(f, sign);
    }
}
