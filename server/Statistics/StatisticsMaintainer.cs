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
/// transaction, and reports what changed. Counts move by deltas; income medians of villages,
/// townships, counties and sites are recomputed for the touched ones, while prefecture and
/// province medians (millions of rows) are refreshed by <see cref="RefreshLargeMediansAsync"/>.
/// </summary>
public sealed class StatisticsMaintainer(IOptions<RegionRuleOptions> rules, TimeProvider time)
{
    public async Task<IReadOnlyList<ChangedSubject>> ApplyAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<HouseholdDelta> deltas, CancellationToken ct)
    {
        var unitIds = new SortedSet<long>();
        var siteIds = new SortedSet<long>();
        foreach (var d in deltas)
        {
            if (d.Before == d.After) continue;
            foreach (var f in new[] { d.Before, d.After })
            {
                if (f is not { } facts) continue;
                foreach (var u in facts.Units()) unitIds.Add(u);
                if (facts.SiteId is long s) siteIds.Add(s);
            }
        }
        if (unitIds.Count == 0) return [];

        // Locked in code order, so two concurrent batches cannot deadlock on the same units.
        var units = await StatisticsStore.LoadForUpdateAsync(conn, tx, SubjectKind.Unit, unitIds, ct);
        var sites = await StatisticsStore.LoadForUpdateAsync(conn, tx, SubjectKind.Site, siteIds, ct);
        var before = units.Values.Concat(sites.Values).ToDictionary(f => (f.Kind, f.SubjectId), f => f.Copy());

        foreach (var d in deltas)
        {
            if (d.Before is { } b) Fold(units, sites, b, -1);
            if (d.After is { } a) Fold(units, sites, a, +1);
        }
        await RefreshMediansAsync(conn, tx, units, sites, ct);

        var changed = new List<ChangedSubject>();
        foreach (var f in units.Values.Concat(sites.Values))
        {
            f.Classify(f.Kind == SubjectKind.Site ? RegionLevel.Site : RegionRuleOptions.LevelOf(new UnitCode(f.SubjectId).Level), rules.Value);
            var old = before[(f.Kind, f.SubjectId)];
            if (f.SameFiguresAs(old)) continue;
            f.Version = old.Version + 1;
            changed.Add(new ChangedSubject(f, f.Zone != old.Zone, old.Zone));
        }
        var rows = changed.Select(c => c.Figures).ToList();
        var at = time.GetUtcNow();
        await StatisticsStore.SaveAsync(conn, tx, rows, at, ct);
        await StatisticsStore.AppendHistoryAsync(conn, tx, rows, at, ct);
        return changed;
    }

    /// <summary>Recomputes prefecture and province medians (too large to redo on every change).</summary>
    public async Task RefreshLargeMediansAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        foreach (var level in new[] { UnitLevel.Prefecture, UnitLevel.Province })
        {
            var ids = new List<long>();
            await using (var cmd = new NpgsqlCommand("SELECT code FROM admin_unit WHERE level = $1 ORDER BY code", conn, tx))
            {
                cmd.Parameters.Add(new() { Value = (short)level });
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct)) ids.Add(r.GetInt64(0));
            }
            var figures = await StatisticsStore.LoadForUpdateAsync(conn, tx, SubjectKind.Unit, ids, ct);
            var medians = await StatisticsStore.MediansAsync(conn, tx, SubjectKind.Unit, level, ids, ct);
            var changed = new List<RegionFigures>();
            foreach (var f in figures.Values)
            {
                int? median = medians.TryGetValue(f.SubjectId, out var m) ? m : null;
                if (median == f.IncomeMedian) continue;
                f.IncomeMedian = median;
                f.Version++;
                changed.Add(f);
            }
            await StatisticsStore.SaveAsync(conn, tx, changed, time.GetUtcNow(), ct);
        }
        await tx.CommitAsync(ct);
    }

    private static void Fold(Dictionary<long, RegionFigures> units, Dictionary<long, RegionFigures> sites, in HouseholdFacts f, int sign)
    {
        foreach (var u in f.Units()) units[u].Apply(f, sign);
        if (f.SiteId is long s) sites[s].Apply(f, sign);
    }

    private static async Task RefreshMediansAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        Dictionary<long, RegionFigures> units, Dictionary<long, RegionFigures> sites, CancellationToken ct)
    {
        foreach (var level in new[] { UnitLevel.Village, UnitLevel.Township, UnitLevel.County })
        {
            var ids = units.Keys.Where(k => new UnitCode(k).Level == level).ToList();
            var medians = await StatisticsStore.MediansAsync(conn, tx, SubjectKind.Unit, level, ids, ct);
            foreach (var id in ids) units[id].IncomeMedian = medians.TryGetValue(id, out var m) ? m : null;
        }
        var siteMedians = await StatisticsStore.MediansAsync(conn, tx, SubjectKind.Site, UnitLevel.Village, sites.Keys, ct);
        foreach (var (id, f) in sites) f.IncomeMedian = siteMedians.TryGetValue(id, out var m) ? m : null;
    }
}
