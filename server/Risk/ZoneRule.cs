namespace RiskMap.Server.Risk;

/// <summary>红灯区 / 黄灯区 / 绿灯区 (seed 000 §三.2): red and yellow get door-to-door checks, green routine monitoring.</summary>
public enum Zone : short
{
    Green = 0,
    Yellow = 1,
    Red = 2,
}

/// <summary>A region's figures and zone, as region_stats stores them.</summary>
public readonly record struct RegionVerdict(double ShareAtLeastTwo, double ShareThree, bool ScaleReturn, Zone Zone)
{
    /// <summary>The zone as region_stats.zone text: "red", "yellow" or "green".</summary>
    public string ZoneText => ZoneRule.Text(Zone);
}

/// <summary>
/// Red when the scale rule holds; yellow when the share at II or above exceeds the level's
/// yellow share (a small region below the minimum household count is at most yellow);
/// green otherwise.
/// </summary>
public static class ZoneRule
{
    public static RegionVerdict Classify(RegionLevel level, LevelCounts counts, RegionRuleOptions options)
    {
        var scale = ScaleRule.Holds(level, counts, options);
        var zone = scale ? Zone.Red
            : options.For(level).YellowShare.IsExceededBy(counts.AtLeastTwo, counts.Households) ? Zone.Yellow
            : Zone.Green;
        return new RegionVerdict(counts.ShareAtLeastTwo, counts.ShareThree, scale, zone);
    }

    public static string Text(Zone zone) => zone switch
    {
        Zone.Red => "red",
        Zone.Yellow => "yellow",
        _ => "green",
    };
}
