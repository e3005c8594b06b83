using RiskMap.Geodata.Domain;
using RiskMap.Server.Risk;

namespace RiskMap.Server.Alerts;

/// <summary>The rules an alert can come from; their keys are stored in alert.rule.</summary>
public static class AlertRule
{
    /// <summary>Scale return to poverty of a unit or site: the share at level II or above exceeds the level's threshold.</summary>
    public const string Scale = "scale";
    /// <summary>A resettlement site whose labour force is employed below the floor.</summary>
    public const string SiteEmployment = "site-employment";
    /// <summary>A household that reached level III and has no assistance.</summary>
    public const string HouseholdUnassisted = "household-unassisted";

    /// <summary>A planner's rule on a saved watch region: "watch-{rule id}".</summary>
    public static string Watch(long ruleId) => $"watch-{ruleId}";

    public static bool IsWatch(string rule) => rule.StartsWith("watch-", StringComparison.Ordinal);
}

/// <summary>What a rule says of its subject now.</summary>
public enum Verdict
{
    /// <summary>The raise condition holds.</summary>
    Raise,
    /// <summary>Between the clear and the raise thresholds: an open alert stays, none opens.</summary>
    Hold,
    /// <summary>The clear condition holds: an open alert resolves.</summary>
    Clear,
}

/// <summary>Which subject an alert is about: kind, id (unit code, site id or county code of a household) and the household id.</summary>
public readonly record struct AlertSubject(string Kind, long Id, string? HouseholdId = null)
{
    public string HouseholdKey => HouseholdId ?? "";
}

/// <summary>
/// One rule's reading of one subject: the verdict, the metric it compared, the raise and clear
/// thresholds, and where the subject lies (<see cref="UnitCode"/> decides who is told).
/// </summary>
public sealed record AlertReading(
    string Rule, AlertSubject Subject, long UnitCode, string Severity, Verdict Verdict,
    double Metric, double Threshold, double ClearThreshold, int Households)
{
    public bool Holds => Verdict == Verdict.Raise;
}

/// <summary>The alert rules as pure functions of a subject's figures (no I/O, no clock).</summary>
public static class AlertRules
{
    /// <summary>
    /// The scale rule of a unit or site: raise when <see cref="ScaleRule"/> holds (more than the
    /// level's ScaleShare at II or above, with at least the minimum households); clear when the
    /// share falls to the clear threshold or below, or the households fall below the minimum.
    /// </summary>
    public static AlertReading Scale(
        AlertSubject subject, long unitCode, RegionLevel level, LevelCounts counts, RegionRuleOptions regions, AlertOptions options)
    {
        var raise = regions.For(level).ScaleShare;
        var clear = options.ScaleClear.For(level);
        var enough = counts.Households >= options.MinimumHouseholds;
        var verdict = !enough ? Verdict.Clear
            : raise.IsExceededBy(counts.AtLeastTwo, counts.Households) ? Verdict.Raise
            : clear.IsExceededBy(counts.AtLeastTwo, counts.Households) ? Verdict.Hold
            : Verdict.Clear;
        return new AlertReading(AlertRule.Scale, subject, unitCode, "red", verdict,
            counts.ShareAtLeastTwo, raise.Value, clear.Value, counts.Households);
    }

    /// <summary>
    /// The employment rule of a resettlement site: raise when the employed share of its labour
    /// force is below the floor; clear when it reaches the clear share, or the labour force is
    /// below the minimum.
    /// </summary>
    public static AlertReading SiteEmployment(long siteId, long villageCode, int labourForce, int employed, int households, AlertOptions options)
    {
        var share = labourForce == 0 ? 0 : (double)employed / labourForce;
        var verdict = labourForce < options.MinimumLabour ? Verdict.Clear
            : !options.EmploymentFloor.IsReachedBy(employed, labourForce) ? Verdict.Raise
            : options.EmploymentClear.IsReachedBy(employed, labourForce) ? Verdict.Clear
            : Verdict.Hold;
        return new AlertReading(AlertRule.SiteEmployment, new AlertSubject("site", siteId), villageCode, "yellow", verdict,
            share, options.EmploymentFloor.Value, options.EmploymentClear.Value, households);
    }

    /// <summary>
    /// A watch region's own rule: raise when the metric reaches the rule's raise threshold with at
    /// least its minimum households; clear when it falls below the clear threshold, or the
    /// households below the minimum.
    /// </summary>
    public static AlertReading Watch(long regionId, long unitCode, long ruleId, double metric, double raise, double clear, int minimumHouseholds, int households)
    {
        var verdict = households < minimumHouseholds ? Verdict.Clear
            : metric >= raise ? Verdict.Raise
            : metric < clear ? Verdict.Clear
            : Verdict.Hold;
        return new AlertReading(AlertRule.Watch(ruleId), new AlertSubject("region", regionId), unitCode, "yellow", verdict, metric, raise, clear, households);
    }

    /// <summary>A household at level III with no assistance raises; anything else clears.</summary>
    public static AlertReading Household(long countyCode, string householdId, long villageCode, short level, bool assisted) =>
        new(AlertRule.HouseholdUnassisted, new AlertSubject("household", countyCode, householdId), villageCode, "yellow",
            level >= 3 && !assisted ? Verdict.Raise : Verdict.Clear, level, 3, 3, 1);

    /// <summary>
    /// Who an escalation goes to: the unit above the one now responsible (the subject's own unit
    /// at first); null at the province, where nothing is above.
    /// </summary>
    public static long? EscalationTarget(long responsibleUnit)
    {
        var code = new UnitCode(responsibleUnit);
        return code.Level == UnitLevel.Province ? null : code.AtLevel(code.Level - 1).Value;
    }
}
