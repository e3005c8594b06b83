using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;
using RiskMap.Server.Statistics;

namespace RiskMap.Server.Regions;

/// <summary>
/// A county, township or village a region touches: whole (the region covers its outline) or
/// partly, with its own stored figures, and the version of those while its median is fresh
/// (null while stale), which says whether a copy of its incomes still holds.
/// </summary>
public sealed record TouchedUnit(long Code, UnitLevel Level, string Name, bool Whole, RegionFigures Figures, string? IncomeToken);

/// <summary>
/// Which units a region touches and covers whole (classify_units.sql). Villages covered whole
/// contribute their stored figures; villages crossing the border have their households tested
/// one by one. The county lists go with the village lists so household partitions prune. Read for
/// an <see cref="Area"/>, it holds only the units of that area, and the households counted and
/// listed from it are that area's (a unit or household beyond the area's border is not the caller's).
/// </summary>
public sealed class RegionCoverage
{
    public required IReadOnlyList<TouchedUnit> Units { get; init; }
    public required long[] WholeVillages { get; init; }
    public required long[] WholeVillageCounties { get; init; }
    public required long[] CrossingVillages { get; init; }
    public required long[] CrossingVillageCounties { get; init; }
    /// <summary>How many times a bulk load has replaced every household (household_generation).</summary>
    public required long Generation { get; init; }
    /// <summary>The area whose units and households count (the whole country for saved regions' stored figures).</summary>
    public AreaScope Area { get; init; } = AreaScope.Everywhere;

    public static async Task<RegionCoverage> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, byte[] wkb, CancellationToken ct, AreaScope? area = null)
    {
        var within = area ?? AreaScope.Everywhere;
        var units = new List<TouchedUnit>();
        long generation = 0;
        await using (var cmd = new NpgsqlCommand(SqlFile.Load("Regions.classify_units"), conn, tx))
        {
            cmd.Parameters.Add(new() { Value = wkb });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var code = r.GetInt64(0);
                generation = r.GetInt64(21);
                if (!within.Contains(code)) continue;
                units.Add(new TouchedUnit(code, (UnitLevel)r.GetInt16(1), r.GetString(2), r.GetBoolean(3),
                    FiguresColumns.ReadStored(r, 4, SubjectKind.Unit, code), r.IsDBNull(20) ? null : r.GetString(20)));
            }
        }
        var villages = units.Where(u => u.Level == UnitLevel.Village).ToList();
        long[] Codes(bool whole) => villages.Where(v => v.Whole == whole).Select(v => v.Code).ToArray();
        long[] Counties(bool whole) => villages.Where(v => v.Whole == whole).Select(v => new UnitCode(v.Code).County.Value).Distinct().ToArray();
        return new RegionCoverage
        {
            Units = units,
            WholeVillages = Codes(true), WholeVillageCounties = Counties(true),
            CrossingVillages = Codes(false), CrossingVillageCounties = Counties(false),
            Generation = generation,
            Area = within,
        };
    }

    /// <summary>The summed stored figures of the villages covered whole.</summary>
    public RegionFigures SumOfWholeVillages(string kind, long subjectId)
    {
        var sum = new RegionFigures { Kind = kind, SubjectId = subjectId };
        foreach (var u in Units)
            if (u.Level == UnitLevel.Village && u.Whole) sum.Add(u.Figures);
        return sum;
    }
}

/// <summary>
/// The fourteen figure columns the region SQL files return in one order (households, monitored,
/// levels I–III, three categories, risk types as a JSON object, assisted, three work gaps, income
/// median), read into <see cref="RegionFigures"/>.
/// </summary>
public static class FiguresColumns
{
    public const int Count = 14;

    public static RegionFigures Read(NpgsqlDataReader r, int first, string kind, long subjectId)
    {
        var f = new RegionFigures
        {
            Kind = kind, SubjectId = subjectId,
            Households = r.GetInt32(first), Monitored = r.GetInt32(first + 1),
            Level1 = r.GetInt32(first + 2), Level2 = r.GetInt32(first + 3), Level3 = r.GetInt32(first + 4),
            CategoryUnstable = r.GetInt32(first + 5), CategoryMarginal = r.GetInt32(first + 6), CategorySudden = r.GetInt32(first + 7),
            Assisted = r.GetInt32(first + 9),
            GapShouldMonitor = r.GetInt32(first + 10), GapUnassisted = r.GetInt32(first + 11), GapShouldExit = r.GetInt32(first + 12),
            IncomeMedian = r.IsDBNull(first + 13) ? null : r.GetInt32(first + 13),
        };
        f.ReadRiskTypeJson(r.GetString(first + 8));
        return f;
    }

    /// <summary>A stored row's figures: the fourteen columns, then zone and scale flag.</summary>
    public static RegionFigures ReadStored(NpgsqlDataReader r, int first, string kind, long subjectId)
    {
        var f = Read(r, first, kind, subjectId);
        f.Zone = r.GetString(first + Count);
        f.ScaleReturn = r.GetBoolean(first + Count + 1);
        return f;
    }
}
