using Npgsql;
using NpgsqlTypes;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Database;

namespace RiskMap.Server.Statistics;

/// <summary>
/// Every unit's and site's median income in one pass over the households sorted by income:
/// a subject with n households has as its median the income at which its running count reaches
/// ⌈n/2⌉ — exactly what <c>percentile_disc(0.5)</c> returns — so one sort serves all six levels.
/// </summary>
public static class IncomeMedianScan
{
    public static async Task ApplyAsync(NpgsqlConnection conn, Dictionary<(string Kind, long Id), RegionFigures> figures, CancellationToken ct)
    {
        var seen = new Dictionary<(string, long), int>(figures.Count);
        await using var reader = await conn.BeginBinaryExportAsync(SqlFile.Load("Statistics.incomes_sorted"), ct);
        while (await reader.StartRowAsync(ct) != -1)
        {
            var village = new UnitCode(await reader.ReadAsync<long>(NpgsqlDbType.Bigint, ct));
            long? site = null;
            if (reader.IsNull) await reader.SkipAsync(ct);
            else site = await reader.ReadAsync<long>(NpgsqlDbType.Bigint, ct);
            var income = await reader.ReadAsync<int>(NpgsqlDbType.Integer, ct);
            for (var level = UnitLevel.Village; level >= UnitLevel.Province; level--)
                Count(figures, seen, (SubjectKind.Unit, village.AtLevel(level).Value), income);
            if (site is long s) Count(figures, seen, (SubjectKind.Site, s), income);
        }
    }

    private static void Count(Dictionary<(string, long), RegionFigures> figures, Dictionary<(string, long), int> seen, (string, long) key, int income)
    {
        if (!figures.TryGetValue(key, out var f)) return;
        var n = seen.TryGetValue(key, out var c) ? c + 1 : 1;
        seen[key] = n;
        if (n == (f.Households + 1) / 2) f.IncomeMedian = income;
    }
}
