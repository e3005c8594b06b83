using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Database;
using RiskMap.Server.Risk;

namespace RiskMap.Server.Statistics;

/// <summary>
/// Recomputes the figures of every unit and site from the households in one transaction. The
/// incremental path must always agree with it (a test compares them); units and sites with no
/// households get a row of zeros, as the incremental path leaves one when a unit empties.
/// </summary>
public sealed class StatisticsRebuild(NpgsqlDataSource db, IOptions<RegionRuleOptions> rules, TimeProvider time)
{
    /// <summary>Rebuilds; returns how many subjects' figures changed.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var fresh = await ComputeAsync(conn, tx, ct);
        var units = await AllIdsAsync(conn, tx, "SELECT code FROM admin_unit", ct);
        var sites = await AllIdsAsync(conn, tx, "SELECT site_id FROM resettlement_site", ct);
        var at = time.GetUtcNow();
        var changed = 0;
        foreach (var (kind, ids) in new[] { (SubjectKind.Unit, units), (SubjectKind.Site, sites) })
        {
            var stored = await StatisticsStore.LoadForUpdateAsync(conn, tx, kind, ids, ct);
            var save = new List<RegionFigures>(ids.Count);
            foreach (var id in ids)
            {
                var next = fresh.GetValueOrDefault((kind, id)) ?? new RegionFigures { Kind = kind, SubjectId = id };
                next.Classify(kind == SubjectKind.Site ? RegionLevel.Site : RegionRuleOptions.LevelOf(new UnitCode(id).Level), rules.Value);
                var old = stored[id];
                next.Version = next.SameFiguresAs(old) ? old.Version : old.Version + 1;
                if (next.Version != old.Version) changed++;
                if (next.Version != old.Version || old.MedianStale) save.Add(next);
            }
            await StatisticsStore.SaveAsync(conn, tx, save, at, ct);
            await StatisticsStore.AppendHistoryAsync(conn, tx, save, at, ct);
        }
        await tx.CommitAsync(ct);
        return changed;
    }

    private static async Task<Dictionary<(string, long), RegionFigures>> ComputeAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        var result = new Dictionary<(string, long), RegionFigures>();
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Statistics.rebuild_unit_figures"), conn, tx) { CommandTimeout = 0 };
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var f = new RegionFigures
            {
                Kind = r.GetString(0), SubjectId = r.GetInt64(1), Households = r.GetInt32(2), Monitored = r.GetInt32(3),
                Level1 = r.GetInt32(4), Level2 = r.GetInt32(5), Level3 = r.GetInt32(6), CategoryUnstable = r.GetInt32(7),
                CategoryMarginal = r.GetInt32(8), CategorySudden = r.GetInt32(9), Assisted = r.GetInt32(11),
                GapShouldMonitor = r.GetInt32(12), GapUnassisted = r.GetInt32(13), GapShouldExit = r.GetInt32(14),
            };
            r.GetFieldValue<int[]>(10).CopyTo(f.RiskTypeCounts, 0);
            result[(f.Kind, f.SubjectId)] = f;
        }
        await r.DisposeAsync();
        await IncomeMedianScan.ApplyAsync(conn, result, ct);
        return result;
    }

    private static async Task<List<long>> AllIdsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        var ids = new List<long>();
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids.Add(r.GetInt64(0));
        return ids;
    }
}
