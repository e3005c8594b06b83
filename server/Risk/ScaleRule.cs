namespace RiskMap.Server.Risk;

/// <summary>A region's household count and its households at each warning level.</summary>
public readonly record struct LevelCounts(int Households, int Level1, int Level2, int Level3)
{
    /// <summary>Households at level II or above.</summary>
    public int AtLeastTwo => Level2 + Level3;

    /// <summary>Share at level II or above, 0 when there are no households (display only; rules compare exactly).</summary>
    public double ShareAtLeastTwo => Households == 0 ? 0 : (double)AtLeastTwo / Households;

    /// <summary>Share at level III, 0 when there are no households.</summary>
    public double ShareThree => Households == 0 ? 0 : (double)Level3 / Households;

    /// <summary>Throws when the counts cannot describe one region: negative, or more warned than households.</summary>
    public void EnsureConsistent()
    {
        if (Households < 0 || Level1 < 0 || Level2 < 0 || Level3 < 0)
            throw new ArgumentOutOfRangeException(nameof(Households), $"counts must be non-negative: {this}");
        if ((long)Level1 + Level2 + Level3 > Households)
            throw new ArgumentOutOfRangeException(nameof(Households), $"levels I–III ({Level1}+{Level2}+{Level3}) exceed the households ({Households})");
    }
}

/// <summary>
/// 规模性返贫, seed 000 §三.2: "村域出现一半以上或镇域出现1/3以上的中度以上预警，可视为规模性返贫" —
/// more than the level's share of households at II or above, in a region with at least
/// <see cref="RegionRuleOptions.MinimumHouseholds"/>. Exactly one half in a village is not scale.
/// </summary>
public static class ScaleRule
{
    public static bool Holds(RegionLevel level, LevelCounts counts, RegionRuleOptions options)
    {
        counts.EnsureConsistent();
        return counts.Households >= options.MinimumHouseholds
               && options.For(level).ScaleShare.IsExceededBy(counts.AtLeastTwo, counts.Households);
    }
}
