using Npgsql;
using NpgsqlTypes;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Database;

namespace RiskMap.Server.Statistics;

/// <summary>Reads and writes region_stats rows (and their history) as <see cref="RegionFigures"/>.</summary>
public static class StatisticsStore
{
    /// <summary>The stored figures of <paramref name="ids"/>, locked until the transaction ends; absent subjects come back as zeros.</summary>
    public static async Task<Dictionary<long, RegionFigures>> LoadForUpdateAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, string kind, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var result = new Dictionary<long, RegionFigures>(ids.Count);
        await using (var ensure = new NpgsqlCommand(SqlFile.Load("Statistics.ensure_figures"), conn, tx))
        {
            ensure.Parameters.Add(new() { Value = kind });
            ensure.Parameters.Add(new() { Value = ids.ToArray() });
            await ensure.ExecuteNonQueryAsync(ct);
        }
        await using (var cmd = new NpgsqlCommand(SqlFile.Load("Statistics.load_figures"), conn, tx))
        {
            cmd.Parameters.Add(new() { Value = kind });
            cmd.Parameters.Add(new() { Value = ids.ToArray() });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var f = new RegionFigures
                {
                    Kind = kind, SubjectId = r.GetInt64(0), Households = r.GetInt32(1), Monitored = r.GetInt32(2),
                    Level1 = r.GetInt32(3), Level2 = r.GetInt32(4), Level3 = r.GetInt32(5), CategoryUnstable = r.GetInt32(6),
                    CategoryMarginal = r.GetInt32(7), CategorySudden = r.GetInt32(8), Assisted = r.GetInt32(10),
                    GapShouldMonitor = r.GetInt32(11), GapUnassisted = r.GetInt32(12), GapShouldExit = r.GetInt32(13),
                    IncomeMedian = r.IsDBNull(14) ? null : r.GetInt32(14), Zone = r.GetString(15), ScaleReturn = r.GetBoolean(16),
                    Version = r.GetInt64(17), MedianStale = r.GetBoolean(18),
                };
                f.ReadRiskTypeJson(r.GetString(9));
                result[f.SubjectId] = f;
            }
        }
        foreach (var id in ids)
            if (!result.ContainsKey(id)) result[id] = new RegionFigures { Kind = kind, SubjectId = id };
        return result;
    }

    /// <summary>Upserts the figures; each row's version as given.</summary>
    public static async Task SaveAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<RegionFigures> rows, DateTimeOffset at, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Statistics.save_figures"), conn, tx);
        Add(cmd, rows.Select(r => r.Kind).ToArray());
        Add(cmd, rows.Select(r => r.SubjectId).ToArray());
        Add(cmd, rows.Select(r => r.Households).ToArray());
        Add(cmd, rows.Select(r => r.Monitored).ToArray());
        Add(cmd, rows.Select(r => r.Level1).ToArray());
        Add(cmd, rows.Select(r => r.Level2).ToArray());
        Add(cmd, rows.Select(r => r.Level3).ToArray());
        Add(cmd, rows.Select(r => r.CategoryUnstable).ToArray());
        Add(cmd, rows.Select(r => r.CategoryMarginal).ToArray());
        Add(cmd, rows.Select(r => r.CategorySudden).ToArray());
        Add(cmd, rows.Select(r => r.RiskTypeJson()).ToArray());
        Add(cmd, rows.Select(r => r.Assisted).ToArray());
        Add(cmd, rows.Select(r => r.GapShouldMonitor).ToArray());
        Add(cmd, rows.Select(r => r.GapUnassisted).ToArray());
        Add(cmd, rows.Select(r => r.GapShouldExit).ToArray());
        Add(cmd, rows.Select(r => r.IncomeMedian).ToArray());
        Add(cmd, rows.Select(r => r.Zone).ToArray());
        Add(cmd, rows.Select(r => r.ScaleReturn).ToArray());
        Add(cmd, rows.Select(r => r.Version).ToArray());
        cmd.Parameters.Add(new() { Value = at });
        Add(cmd, rows.Select(r => r.MedianStale).ToArray());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// A history row for each of <paramref name="rows"/> at <paramref name="at"/> (trends and "as of"
    /// replay), read back from the rows <see cref="SaveAsync"/> wrote: call it after saving.
    /// </summary>
    public static async Task AppendHistoryAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<RegionFigures> rows, DateTimeOffset at, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Statistics.append_history"), conn, tx);
        Add(cmd, rows.Select(r => r.Kind).ToArray());
        Add(cmd, rows.Select(r => r.SubjectId).ToArray());
        cmd.Parameters.Add(new() { Value = at });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Recomputes the income median of some units of one level (or of sites) from their households.</summary>
    public static async Task<Dictionary<long, int>> MediansAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string kind, UnitLevel level, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var result = new Dictionary<long, int>();
        if (ids.Count == 0) return result;
        var isSite = kind == SubjectKind.Site;
        await using var cmd = new NpgsqlCommand(SqlFile.Load(isSite ? "Statistics.site_medians" : "Statistics.unit_medians"), conn, tx);
        if (!isSite) cmd.Parameters.Add(new() { Value = SpanOf(level) });
        cmd.Parameters.Add(new() { Value = ids.ToArray() });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) result[r.GetInt64(0)] = r.GetInt32(1);
        return result;
    }

    /// <summary>How many consecutive codes one unit of <paramref name="level"/> covers.</summary>
    public static long SpanOf(UnitLevel level) => level switch
    {
        UnitLevel.Village => 1,
        UnitLevel.Township => 1_000,
        UnitLevel.County => 1_000_000,
        UnitLevel.Prefecture => 100_000_000,
        _ => 10_000_000_000,
    };

    private static void Add<T>(NpgsqlCommand cmd, T[] values) => cmd.Parameters.Add(new NpgsqlParameter<T[]> { TypedValue = values });
}
