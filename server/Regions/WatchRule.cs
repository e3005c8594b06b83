using RiskMap.Server.Statistics;

namespace RiskMap.Server.Regions;

/// <summary>The figure a watch-region rule watches.</summary>
public static class WatchMetric
{
    /// <summary>Share of households at warning level II or above (0–1), the scale rule's measure.</summary>
    public const string ShareAtLeastTwo = "shareAtLeastTwo";
    /// <summary>Share of households at level III (0–1).</summary>
    public const string ShareThree = "shareThree";
    /// <summary>Households at level III (a count).</summary>
    public const string HouseholdsAtThree = "householdsAtThree";

    public static readonly string[] All = [ShareAtLeastTwo, ShareThree, HouseholdsAtThree];

    public static bool IsShare(string metric) => metric is ShareAtLeastTwo or ShareThree;
}

/// <summary>
/// An alert rule of a watch region: raise when <see cref="Metric"/> reaches
/// <see cref="RaiseThreshold"/>, clear when it falls below <see cref="ClearThreshold"/> (lower, so
/// an alert does not flap around one value), and only judge a region of at least
/// <see cref="MinimumHouseholds"/>. The alert engine evaluates it; this type only holds and checks it.
/// </summary>
public sealed record WatchRule(long? RuleId, string Metric, double RaiseThreshold, double ClearThreshold, int MinimumHouseholds)
{
    /// <summary>The rule's metric on some figures (exact shares, not the rounded API ones).</summary>
    public double MeasureOf(RegionFigures f) => Metric switch
    {
        WatchMetric.ShareAtLeastTwo => f.Counts.ShareAtLeastTwo,
        WatchMetric.ShareThree => f.Counts.ShareThree,
        _ => f.Level3,
    };

    /// <summary>What is wrong with the rule, or null when it is usable.</summary>
    public string? Problem()
    {
        if (!WatchMetric.All.Contains(Metric))
            return $"metric '{Metric}' is not one of {string.Join(", ", WatchMetric.All)}";
        if (!double.IsFinite(RaiseThreshold) || !double.IsFinite(ClearThreshold))
            return "raiseThreshold and clearThreshold must be numbers";
        if (WatchMetric.IsShare(Metric) && (RaiseThreshold is <= 0 or > 1 || ClearThreshold is < 0 or > 1))
            return $"{Metric} is a share: raiseThreshold must be in (0, 1] and clearThreshold in [0, 1]";
        if (!WatchMetric.IsShare(Metric) && (RaiseThreshold < 1 || ClearThreshold < 0))
            return $"{Metric} is a count: raiseThreshold must be at least 1 and clearThreshold at least 0";
        if (ClearThreshold >= RaiseThreshold)
            return $"clearThreshold ({ClearThreshold}) must be below raiseThreshold ({RaiseThreshold}), so an alert does not flap";
        if (MinimumHouseholds < 0)
            return $"minimumHouseholds must be 0 or more, not {MinimumHouseholds}";
        return null;
    }
}
