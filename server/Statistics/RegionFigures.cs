using System.Text.Json;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Risk;

namespace RiskMap.Server.Statistics;

/// <summary>Which kind of subject a region_stats row describes.</summary>
public static class SubjectKind
{
    public const string Unit = "unit";
    public const string Site = "site";
    public const string Region = "region";
}

/// <summary>
/// The figures of one region (an administrative unit, a resettlement site or a saved region):
/// a region_stats row. Mutable so a batch of household changes can be folded in place.
/// </summary>
public sealed class RegionFigures
{
    public required string Kind { get; init; }
    public required long SubjectId { get; init; }
    public int Households { get; set; }
    public int Monitored { get; set; }
    public int Level1 { get; set; }
    public int Level2 { get; set; }
    public int Level3 { get; set; }
    public int CategoryUnstable { get; set; }
    public int CategoryMarginal { get; set; }
    public int CategorySudden { get; set; }
    /// <summary>Households per risk type, indexed like <see cref="RiskType.Keys"/>.</summary>
    public int[] RiskTypeCounts { get; private set; } = new int[RiskType.Keys.Length];
    public int Assisted { get; set; }
    public int GapShouldMonitor { get; set; }
    public int GapUnassisted { get; set; }
    public int GapShouldExit { get; set; }
    public int? IncomeMedian { get; set; }
    public string Zone { get; set; } = "green";
    public bool ScaleReturn { get; set; }
    public long Version { get; set; }
    /// <summary>True while the income median waits for the median refresher (the households under it changed).</summary>
    public bool MedianStale { get; set; }

    public LevelCounts Counts => new(Households, Level1, Level2, Level3);

    /// <summary>Adds (<paramref name="sign"/> = 1) or removes (-1) one household's contribution.</summary>
    public void Apply(in HouseholdFacts f, int sign)
    {
        Households += sign;
        if (f.Monitored) Monitored += sign;
        switch (f.Level)
        {
            case 1: Level1 += sign; break;
            case 2: Level2 += sign; break;
            case 3: Level3 += sign; break;
        }
        switch (f.Category)
        {
            case 1: CategoryUnstable += sign; break;
            case 2: CategoryMarginal += sign; break;
            case 3: CategorySudden += sign; break;
        }
        for (var mask = f.RiskTypeMask; mask != 0; mask &= mask - 1)
            RiskTypeCounts[System.Numerics.BitOperations.TrailingZeroCount(mask)] += sign;
        if (f.Assisted) Assisted += sign;
        if (f.GapShouldMonitor) GapShouldMonitor += sign;
        if (f.GapUnassisted) GapUnassisted += sign;
        if (f.GapShouldExit) GapShouldExit += sign;
    }

    /// <summary>
    /// Adds another region's counts to these (negative counts subtract): the figures of two
    /// disjoint sets of households together. Median, zone and version are not summable and stay.
    /// </summary>
    public void Add(RegionFigures other)
    {
        Households += other.Households;
        Monitored += other.Monitored;
        Level1 += other.Level1;
        Level2 += other.Level2;
        Level3 += other.Level3;
        CategoryUnstable += other.CategoryUnstable;
        CategoryMarginal += other.CategoryMarginal;
        CategorySudden += other.CategorySudden;
        for (var i = 0; i < RiskTypeCounts.Length; i++) RiskTypeCounts[i] += other.RiskTypeCounts[i];
        Assisted += other.Assisted;
        GapShouldMonitor += other.GapShouldMonitor;
        GapUnassisted += other.GapUnassisted;
        GapShouldExit += other.GapShouldExit;
    }

    /// <summary>Sets zone and scale flag from the counts with the region rules (a pure function).</summary>
    public void Classify(RegionLevel level, RegionRuleOptions rules)
    {
        var verdict = ZoneRule.Classify(level, Counts, rules);
        Zone = verdict.ZoneText;
        ScaleReturn = verdict.ScaleReturn;
    }

    /// <summary>The risk type counts as stored: a JSON object of non-zero counts by key.</summary>
    public string RiskTypeJson()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < RiskTypeCounts.Length; i++)
            if (RiskTypeCounts[i] != 0) counts[RiskType.Keys[i]] = RiskTypeCounts[i];
        return JsonSerializer.Serialize(counts);
    }

    public void ReadRiskTypeJson(string json)
    {
        Array.Clear(RiskTypeCounts);
        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [])
        {
            var i = RiskType.IndexOf(key);
            if (i >= 0) RiskTypeCounts[i] = value;
        }
    }

    /// <summary>True when every stored figure equals <paramref name="other"/>'s (version aside).</summary>
    public bool SameFiguresAs(RegionFigures other) =>
        SameHistoryAs(other) && CategoryUnstable == other.CategoryUnstable && CategoryMarginal == other.CategoryMarginal
        && CategorySudden == other.CategorySudden && RiskTypeCounts.AsSpan().SequenceEqual(other.RiskTypeCounts)
        && Assisted == other.Assisted && GapShouldMonitor == other.GapShouldMonitor && GapUnassisted == other.GapUnassisted
        && GapShouldExit == other.GapShouldExit && IncomeMedian == other.IncomeMedian;

    /// <summary>Whether the figures region_stats_history keeps (households, monitored, level counts, zone, scale flag) are those of <paramref name="other"/>.</summary>
    public bool SameHistoryAs(RegionFigures other) =>
        Households == other.Households && Monitored == other.Monitored && Level1 == other.Level1 && Level2 == other.Level2
        && Level3 == other.Level3 && Zone == other.Zone && ScaleReturn == other.ScaleReturn;

    public RegionFigures Copy()
    {
        var copy = (RegionFigures)MemberwiseClone();
        copy.RiskTypeCounts = (int[])RiskTypeCounts.Clone();
        return copy;
    }
}
