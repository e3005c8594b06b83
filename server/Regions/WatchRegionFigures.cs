using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Server.Database;
using RiskMap.Server.Risk;
using RiskMap.Server.Statistics;

namespace RiskMap.Server.Regions;

/// <summary>A saved region whose figures a refresh changed: its new figures (version bumped) and the rules the alert engine evaluates on them.</summary>
public sealed record WatchRegionChange(long RegionId, string Name, RegionFigures Figures, bool ZoneChanged, string PreviousZone, IReadOnlyList<WatchRule> Rules);

/// <summary>
/// Keeps saved regions' figures in region_stats (subject_kind 'region'), computed with the fast
/// exact path. The live pipeline calls <see cref="RefreshTouchedAsync(NpgsqlConnection, NpgsqlTransaction?, IReadOnlyCollection{long}, CancellationToken)"/>
/// after household writes, in their transaction, and hands the changes to the alert engine.
/// </summary>
public sealed class WatchRegionFigures(VillageIncomeCache incomes, IOptions<RegionRuleOptions> rules, TimeProvider time)
{
    /// <summary>Recomputes the saved regions that meet the outlines of the villages whose households changed.</summary>
    public Task<IReadOnlyList<WatchRegionChange>> RefreshTouchedAsync(
        NpgsqlConnection conn, NpgsqlTransaction? tx, IReadOnlyCollection<long> changedVillageCodes, CancellationToken ct) =>
        RefreshTouchedAsync(conn, tx, changedVillageCodes, [], ct);

    /// <summary>
    /// Recomputes the saved regions a household change may have moved: those meeting a changed
    /// village's outline or holding one of its households that lie outside it, and those holding
    /// any of <paramref name="positions"/> — pass the old and new positions of households that
    /// moved, since a household that left a region may leave no trace in it.
    /// </summary>
    /// <param name="conn">The writer's connection.</param>
    /// <param name="tx">
    /// The writer's transaction (read committed), after its household and statistics writes; null
    /// to run in a transaction of its own. Each region's figures row is locked before it is
    /// recomputed, so concurrent writers refreshing the same region take turns and the later one
    /// sees the earlier one's households.
    /// </param>
    /// <param name="changedVillageCodes">Villages whose households were written.</param>
    /// <param name="positions">Longitude and latitude of households that moved or lie outside their village.</param>
    /// <param name="ct">Cancels the refresh (and the caller's transaction with it).</param>
    /// <returns>The regions whose figures changed, with their rules.</returns>
    public async Task<IReadOnlyList<WatchRegionChange>> RefreshTouchedAsync(NpgsqlConnection conn, NpgsqlTransaction? tx,
        IReadOnlyCollection<long> changedVillageCodes, IReadOnlyCollection<(double Lon, double Lat)> positions, CancellationToken ct)
    {
        if (changedVillageCodes.Count == 0 && positions.Count == 0) return [];
        var own = tx is null ? await conn.BeginTransactionAsync(ct) : null;
        try
        {
            var ids = new List<long>();
            await using (var cmd = new NpgsqlCommand(SqlFile.Load("Regions.touched_regions"), conn, tx ?? own))
            {
                cmd.Parameters.Add(new() { Value = changedVillageCodes.ToArray() });
                cmd.Parameters.Add(new() { Value = positions.Select(p => p.Lon).ToArray() });
                cmd.Parameters.Add(new() { Value = positions.Select(p => p.Lat).ToArray() });
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct)) ids.Add(r.GetInt64(0));
            }
            var changes = await RefreshAsync(conn, (tx ?? own)!, ids, ct);
            if (own is not null) await own.CommitAsync(ct);
            return changes;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>Recomputes every saved region in one transaction (after a rebuild or a bulk load); returns those that changed.</summary>
    public async Task<IReadOnlyList<WatchRegionChange>> RefreshAllAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var ids = new List<long>();
        await using (var cmd = new NpgsqlCommand("SELECT region_id FROM watch_region ORDER BY region_id FOR KEY SHARE", conn, tx))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) ids.Add(r.GetInt64(0));
        var changes = await RefreshAsync(conn, tx, ids, ct);
        await tx.CommitAsync(ct);
        return changes;
    }

    /// <summary>
    /// Recomputes the given saved regions in <paramref name="tx"/>: locks their figures rows in id
    /// order, then computes each region's figures after the lock is held; stores (new version and a
    /// history row) those that changed, and a first row for a region that has none.
    /// </summary>
    public async Task<IReadOnlyList<WatchRegionChange>> RefreshAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<long> regionIds, CancellationToken ct)
    {
        if (regionIds.Count == 0) return [];
        var stored = await StatisticsStore.LoadForUpdateAsync(conn, tx, SubjectKind.Region, regionIds, ct);
        var changed = new List<(RegionFigures Figures, RegionFigures Old, string Name)>();
        foreach (var id in regionIds.Order())
        {
            RegionShape shape;
            try { shape = await RegionShapes.SavedAsync(conn, tx, id, null, ct); }
            catch (RegionFault) { continue; } // deleted since it was picked: nothing to keep
            var coverage = await RegionCoverage.ReadAsync(conn, tx, shape.Wkb, ct);
            var figures = (await RegionFiguresQuery.ComputeAsync(conn, tx, shape.Wkb, coverage, incomes, SubjectKind.Region, id, ct)).Figures;
            figures.Classify(RegionLevel.Region, rules.Value);
            var old = stored[id];
            // Version 0: no row stored yet (a region just saved), which gets one even when empty.
            if (old.Version > 0 && figures.SameFiguresAs(old)) continue;
            figures.Version = old.Version + 1;
            changed.Add((figures, old, shape.Subject.Name!));
        }
        var at = time.GetUtcNow();
        var rows = changed.Select(c => c.Figures).ToList();
        await StatisticsStore.SaveAsync(conn, tx, rows, at, ct);
        await StatisticsStore.AppendHistoryAsync(conn, tx, rows, at, ct);
        var rulesOf = await RulesAsync(conn, tx, changed.Select(c => c.Figures.SubjectId).ToArray(), ct);
        return changed.Select(c => new WatchRegionChange(c.Figures.SubjectId, c.Name, c.Figures, c.Figures.Zone != c.Old.Zone, c.Old.Zone,
            rulesOf.TryGetValue(c.Figures.SubjectId, out var list) ? list : [])).ToList();
    }

    /// <summary>The alert rules of some saved regions, by region.</summary>
    public static async Task<Dictionary<long, List<WatchRule>>> RulesAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, long[] regionIds, CancellationToken ct)
    {
        var result = new Dictionary<long, List<WatchRule>>();
        if (regionIds.Length == 0) return result;
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Regions.watch_rules"), conn, tx);
        cmd.Parameters.Add(new() { Value = regionIds });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var id = r.GetInt64(0);
            if (!result.TryGetValue(id, out var list)) result[id] = list = [];
            list.Add(new WatchRule(r.GetInt64(1), r.GetString(2), r.GetDouble(3), r.GetDouble(4), r.GetInt32(5)));
        }
        return result;
    }
}
