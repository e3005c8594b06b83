using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Risk;

/// <summary>
/// The five livelihood capitals of the sustainable-livelihoods framework seed 000 builds on,
/// each a capacity from 0 (none) to 1 (full). Each capital is the plain mean of its
/// indicators that apply to the household (docs/risk-model.md § Livelihood score).
/// </summary>
public readonly record struct CapitalScores(double Human, double Natural, double Physical, double Financial, double Social)
{
    /// <summary>Weighted capacity 0–1 with the option weights.</summary>
    public double Capacity(RiskModelOptions o) =>
        o.HumanWeight * Human + o.NaturalWeight * Natural + o.PhysicalWeight * Physical
        + o.FinancialWeight * Financial + o.SocialWeight * Social;

    /// <summary>
    /// Risk score 0–100: 100 × (1 − capacity). Low livelihood capacity is high risk. Rounded to
    /// 1e-6 so that a score mathematically on a threshold (0.30 × 0.5 × 100 = 15) is on it, not
    /// a floating-point hair below.
    /// </summary>
    public double RiskScore(RiskModelOptions o) => Math.Round(Math.Clamp(100 * (1 - Capacity(o)), 0, 100), 6);
}

/// <summary>Facts about the household's support that both the social capital and the gaps need.</summary>
internal readonly record struct SupportFacts(
    bool NeedsSupport, bool Supported, int? DaysMonitored, int? DaysSinceVisit, bool VisitedRecently);

internal static class LivelihoodScore
{
    public static CapitalScores Compute(Household h, PolicyLine line, RiskModelOptions o, RiskTypeFlags risks, SupportFacts support)
    {
        return new CapitalScores(
            Human: Human(h, o, risks),
            Natural: Mean2(Has(risks, RiskTypeFlags.Disaster) ? 0 : 1, Has(risks, RiskTypeFlags.IndustryFailure) ? 0 : 1),
            Physical: Physical(h, o, risks),
            Financial: Financial(h, line, o),
            Social: Social(support));
    }

    /// <summary>Labour share of members against the full share; no labour when the register says 因缺劳动力.</summary>
    public static double LabourCapacity(Household h, RiskModelOptions o, RiskTypeFlags risks)
    {
        if (Has(risks, RiskTypeFlags.LabourShortage) || h.Members <= 0) return 0;
        var labour = Math.Min(1.0, (double)h.Labour / h.Members / o.FullLabourShare);
        // 因务工就业不稳: the labour is there but its earnings are not secure.
        return Has(risks, RiskTypeFlags.UnstableEmployment) ? labour / 2 : labour;
    }

    private static double Human(Household h, RiskModelOptions o, RiskTypeFlags risks)
    {
        var healthBlows = (Has(risks, RiskTypeFlags.Illness) ? 1 : 0) + (Has(risks, RiskTypeFlags.Disability) ? 1 : 0)
                          + (Has(risks, RiskTypeFlags.Accident) ? 1 : 0);
        var health = Math.Max(0, 1 - 0.5 * healthBlows);
        var schooling = h.ChildOutOfSchool || Has(risks, RiskTypeFlags.Education) ? 0 : 1;
        return (LabourCapacity(h, o, risks) + health + schooling) / 3;
    }

    private static double Physical(Household h, RiskModelOptions o, RiskTypeFlags risks)
    {
        var housing = h.HousingUnsafe || Has(risks, RiskTypeFlags.HousingSafety) ? 0 : 1;
        var water = h.WaterUnsafe || Has(risks, RiskTypeFlags.DrinkingWater) ? 0 : 1;
        var relocation = h.Relocated ? o.RelocatedCapacity : 1;
        return (housing + water + relocation) / 3;
    }

    private static double Financial(Household h, PolicyLine line, RiskModelOptions o)
    {
        double income = h.IncomePerCapita;
        var multiple = income / line.MonitoringLine;
        var sum = Math.Clamp((multiple - 1) / (o.ComfortableIncomeMultiple - 1), 0, 1);
        var count = 1;

        var householdIncome = income * Math.Max((short)1, h.Members);
        if (h.RigidExpenditure > 0)
        {
            sum += householdIncome <= 0 ? 0 : Math.Clamp(1 - h.RigidExpenditure / householdIncome / o.RigidExpenditureShare.Value, 0, 1);
        }
        else sum += 1;
        count++;

        if (h.TransferIncome is int transfer && income > 0)
        {
            sum += Math.Clamp(1 - transfer / income, 0, 1);
            count++;
        }
        if (h.IncomeLastYear is int last && last > 0)
        {
            var drop = (last - income) / last;
            sum += Math.Clamp(1 - drop / o.IncomeCollapseShare.Value, 0, 1);
            count++;
        }
        return sum / count;
    }

    // Social capital measures whether support reaches a household that needs it; a household
    // that needs none (not monitored, no trigger) has nothing missing.
    private static double Social(SupportFacts s) =>
        s.NeedsSupport ? Mean2(s.Supported ? 1 : 0, s.VisitedRecently ? 1 : 0) : 1;

    private static double Mean2(double a, double b) => (a + b) / 2;

    internal static bool Has(RiskTypeFlags flags, RiskTypeFlags f) => (flags & f) != 0;
}
