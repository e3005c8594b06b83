using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Risk;

/// <summary>
/// The household risk model (docs/risk-model.md). One pure function used at import, on a live
/// update and in a full rebuild, so the three can never disagree. Options must have passed
/// <see cref="RiskModelOptions.Validate"/> (done once at start-up, not per household).
/// </summary>
public static class RiskModel
{
    /// <summary>
    /// Stored in household.model_version. Bump it when a rule, indicator or combination
    /// changes meaning (docs/risk-model.md § Versioning); changing option values does not.
    /// </summary>
    public const string Version = "v1";

    /// <summary>Assesses <paramref name="h"/> against the policy <paramref name="line"/> of its province and year, as of <paramref name="asOf"/>.</summary>
    public static RiskAssessment Assess(Household h, PolicyLine line, RiskModelOptions options, DateOnly asOf)
    {
        var triggers = HardTriggers.Evaluate(h, line, options);
        var risks = RiskTypeFlagsReader.Read(h.RiskTypes);
        var support = WorkGapRules.Support(h, triggers, options, asOf);
        var capitals = LivelihoodScore.Compute(h, line, options, risks, support);
        var livelihoodRisk = capitals.RiskScore(options);

        var floor = HardTriggers.Floor(triggers, options);
        var fromScore = LevelFromScore(livelihoodRisk, options);
        var level = floor > fromScore ? floor : fromScore;
        var score = Math.Max(livelihoodRisk, LowerBound(level, options));

        var gaps = WorkGapRules.Evaluate(h, line, options, level, support);
        var reasons = new ReasonList(options.MaxReasons);
        if (level != RiskLevel.None)
            ReasonBuilder.Fill(ref reasons, h, line, options, triggers, risks, support, gaps);

        return new RiskAssessment
        {
            Level = level,
            Score = (float)score,
            Category = CategoryOf(h, line, options, level, triggers, risks),
            Gaps = gaps,
            Triggers = triggers,
            Capitals = capitals,
            Reasons = reasons,
        };
    }

    /// <summary>
    /// Seed 000 §三.2 splits households by livelihood score into low / medium / higher capacity
    /// ↔ high / moderate / light warning; a fourth band, above the light threshold of capacity,
    /// is no warning.
    /// </summary>
    public static RiskLevel LevelFromScore(double riskScore, RiskModelOptions o) =>
        riskScore >= o.HighFromScore ? RiskLevel.High
        : riskScore >= o.ModerateFromScore ? RiskLevel.Moderate
        : riskScore >= o.LightFromScore ? RiskLevel.Light
        : RiskLevel.None;

    private static double LowerBound(RiskLevel level, RiskModelOptions o) => level switch
    {
        RiskLevel.High => o.HighFromScore,
        RiskLevel.Moderate => o.ModerateFromScore,
        RiskLevel.Light => o.LightFromScore,
        _ => 0,
    };

    /// <summary>
    /// The category of a household at risk. One per household, in this order: formerly poor →
    /// 脱贫不稳定户 (as the national register files them); a shock caused by illness, disaster or
    /// accident → 突发严重困难户, whatever the income; income below the near-line multiple →
    /// 边缘易致贫户; otherwise none.
    /// </summary>
    private static HouseholdCategory? CategoryOf(
        Household h, PolicyLine line, RiskModelOptions o, RiskLevel level, HardTrigger triggers, RiskTypeFlags risks)
    {
        if (level < o.MonitorFromLevel) return null;
        if (h.FormerlyPoor) return HouseholdCategory.UnstableFormerlyPoor;
        if ((triggers & HardTrigger.ShockGroup) != 0 && (risks & RiskTypeFlags.SuddenCause) != 0)
            return HouseholdCategory.SuddenHardship;
        if (IsNearLine(h, line, o)) return HouseholdCategory.MarginalAtRisk;
        return null;
    }

    /// <summary>Per-capita income strictly below <see cref="RiskModelOptions.NearLineMultiple"/> × the monitoring line (exact).</summary>
    internal static bool IsNearLine(Household h, PolicyLine line, RiskModelOptions o) =>
        (long)h.IncomePerCapita * o.NearLineMultiple.Denominator < (long)line.MonitoringLine * o.NearLineMultiple.Numerator;
}
