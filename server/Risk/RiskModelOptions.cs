using Microsoft.Extensions.Options;

namespace RiskMap.Server.Risk;

/// <summary>
/// Thresholds and weights of the household risk model (configuration section "Risk:Model").
/// Defaults and their sources are listed in docs/risk-model.md; where the seeds give no figure
/// the default is an example a deployment should review. The options are deployment
/// configuration: the model version names the algorithm, not these values.
/// </summary>
public sealed class RiskModelOptions
{
    public const string Section = "Risk:Model";

    /// <summary>Weight of human capital (labour, health, schooling) in the livelihood score. Default 0.25 (example).</summary>
    public double HumanWeight { get; set; } = 0.25;

    /// <summary>Weight of natural capital (disaster exposure, production) in the livelihood score. Default 0.15 (example).</summary>
    public double NaturalWeight { get; set; } = 0.15;

    /// <summary>Weight of physical capital (housing, water, relocation) in the livelihood score. Default 0.20 (example).</summary>
    public double PhysicalWeight { get; set; } = 0.20;

    /// <summary>
    /// Weight of financial capital (income against the line, rigid spending, transfers, trend).
    /// Default 0.30 (example: the largest, since income is the first dimension of the official monitoring, seed 000 §三.1).
    /// </summary>
    public double FinancialWeight { get; set; } = 0.30;

    /// <summary>
    /// Weight of social capital (assistance or dibao/特困 reaching a household in need, visits).
    /// Default 0.10 (example: the smallest, so missing support alone stays below level I; the gaps report it too).
    /// </summary>
    public double SocialWeight { get; set; } = 0.10;

    /// <summary>Risk score (0–100) from which the livelihood score alone gives level I. Default 15.</summary>
    public double LightFromScore { get; set; } = 15;

    /// <summary>Risk score from which the livelihood score alone gives level II; also the lowest score a level II household shows. Default 30.</summary>
    public double ModerateFromScore { get; set; } = 30;

    /// <summary>Risk score from which the livelihood score alone gives level III; also the lowest score a level III household shows. Default 50.</summary>
    public double HighFromScore { get; set; } = 50;

    /// <summary>
    /// 收入大幅缩减: a drop of per-capita income against last year of more than this share is a
    /// sudden shock. Default 3/10 (example; the official rules give no figure).
    /// </summary>
    public Fraction IncomeCollapseShare { get; set; } = Fraction.Of(3, 10);

    /// <summary>
    /// 刚性支出较大: rigid expenditure of more than this share of household income (per-capita
    /// income × members) is a sudden shock. Default 1/2 (example; the official rules give no figure).
    /// </summary>
    public Fraction RigidExpenditureShare { get; set; } = Fraction.Of(1, 2);

    /// <summary>
    /// Number of distinct hard-trigger groups (income, guarantee, shock) firing together that
    /// raises the level to III. Default 2; 4 or more disables escalation (there are three groups).
    /// </summary>
    public int EscalateAtTriggerGroups { get; set; } = 2;

    /// <summary>
    /// Lowest level at which a household meets the monitoring criteria: it drives 应纳未纳, the
    /// categories, and "at risk". Default II (中警: expected to return to poverty).
    /// </summary>
    public RiskLevel MonitorFromLevel { get; set; } = RiskLevel.Moderate;

    /// <summary>
    /// 边缘易致贫户 "near the line": per-capita income below this multiple of the monitoring line.
    /// Default 3/2 (example: the same 1.5 multiple seed 000 reports between dibao and monitoring lines).
    /// </summary>
    public Fraction NearLineMultiple { get; set; } = Fraction.Of(3, 2);

    /// <summary>Per-capita income at this multiple of the monitoring line earns full financial income capacity. Default 2 (example).</summary>
    public double ComfortableIncomeMultiple { get; set; } = 2.0;

    /// <summary>Working-age labour share of members that earns full labour capacity. Default 1/2 (example: one worker per dependant).</summary>
    public double FullLabourShare { get; set; } = 0.5;

    /// <summary>Physical capacity of a relocated household's relocation indicator (0–1); seeds name relocated households the highest-risk group. Default 0.5 (example).</summary>
    public double RelocatedCapacity { get; set; } = 0.5;

    /// <summary>
    /// 应帮未帮: a monitored household with no assistance measure started since it entered
    /// monitoring is a gap once more than this many whole days have passed. Default 15 days
    /// (Guizhou's practice, shared/docs/domain.md § Regions).
    /// </summary>
    public TimeSpan UnassistedDeadline { get; set; } = TimeSpan.FromDays(15);

    /// <summary>
    /// 应退未退: a monitored household with no warning, monitored at least this long (and whose
    /// last-year income, when known, was at or above the line), should have exited. Default
    /// 180 days (example: about the half year of stable income local exit rules ask for; not verified).
    /// </summary>
    public TimeSpan ExitAfter { get; set; } = TimeSpan.FromDays(180);

    /// <summary>A household in need not visited (入户走访) within this long loses social capacity. Default 90 days (example: a quarterly visit).</summary>
    public TimeSpan VisitRecency { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Most reasons kept per household, most important first (1–8). Default 6.</summary>
    public int MaxReasons { get; set; } = 6;

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        (string Name, double Value)[] weights =
            [(nameof(HumanWeight), HumanWeight), (nameof(NaturalWeight), NaturalWeight), (nameof(PhysicalWeight), PhysicalWeight),
             (nameof(FinancialWeight), FinancialWeight), (nameof(SocialWeight), SocialWeight)];
        var sum = 0.0;
        foreach (var (name, value) in weights)
        {
            if (!(value >= 0) || double.IsInfinity(value)) errors.Add($"{name} must be a non-negative number, was {value}");
            else sum += value;
        }
        if (Math.Abs(sum - 1.0) > 1e-9) errors.Add($"capital weights must sum to 1, sum to {sum:0.######}");

        if (!(LightFromScore > 0 && LightFromScore < ModerateFromScore && ModerateFromScore < HighFromScore && HighFromScore <= 100))
            errors.Add($"score thresholds must satisfy 0 < {nameof(LightFromScore)} < {nameof(ModerateFromScore)} < {nameof(HighFromScore)} ≤ 100, were {LightFromScore}, {ModerateFromScore}, {HighFromScore}");

        CheckFraction(errors, nameof(IncomeCollapseShare), IncomeCollapseShare, mustBeBelowOne: true);
        CheckFraction(errors, nameof(RigidExpenditureShare), RigidExpenditureShare, mustBeBelowOne: false);
        CheckFraction(errors, nameof(NearLineMultiple), NearLineMultiple, mustBeBelowOne: false);
        if (NearLineMultiple.IsValid && NearLineMultiple.Numerator < NearLineMultiple.Denominator)
            errors.Add($"{nameof(NearLineMultiple)} must be at least 1, was {NearLineMultiple}");

        if (EscalateAtTriggerGroups < 2) errors.Add($"{nameof(EscalateAtTriggerGroups)} must be at least 2, was {EscalateAtTriggerGroups}");
        if (MonitorFromLevel is < RiskLevel.Light or > RiskLevel.High)
            errors.Add($"{nameof(MonitorFromLevel)} must be Light, Moderate or High, was {MonitorFromLevel}");
        if (!(ComfortableIncomeMultiple > 1) || double.IsInfinity(ComfortableIncomeMultiple))
            errors.Add($"{nameof(ComfortableIncomeMultiple)} must be above 1, was {ComfortableIncomeMultiple}");
        if (!(FullLabourShare > 0 && FullLabourShare <= 1)) errors.Add($"{nameof(FullLabourShare)} must be in (0, 1], was {FullLabourShare}");
        if (!(RelocatedCapacity >= 0 && RelocatedCapacity <= 1)) errors.Add($"{nameof(RelocatedCapacity)} must be in [0, 1], was {RelocatedCapacity}");

        CheckWholeDays(errors, nameof(UnassistedDeadline), UnassistedDeadline);
        CheckWholeDays(errors, nameof(ExitAfter), ExitAfter);
        CheckWholeDays(errors, nameof(VisitRecency), VisitRecency);
        if (MaxReasons is < 1 or > ReasonList.Capacity) errors.Add($"{nameof(MaxReasons)} must be 1–{ReasonList.Capacity}, was {MaxReasons}");
        return errors;
    }

    internal static void CheckFraction(List<string> errors, string name, Fraction value, bool mustBeBelowOne)
    {
        if (!value.IsValid) errors.Add($"{name} must be a non-negative fraction with a denominator of 1–{Fraction.MaxDenominator}, was {value}");
        else if (value.Numerator == 0) errors.Add($"{name} must be above 0, was {value}");
        else if (mustBeBelowOne && value.Numerator >= value.Denominator) errors.Add($"{name} must be below 1, was {value}");
    }

    // Day arithmetic is done on DateOnly, so a deadline of 15.5 days would silently mean 15.
    private static void CheckWholeDays(List<string> errors, string name, TimeSpan value)
    {
        if (value < TimeSpan.FromDays(1) || value.Ticks % TimeSpan.TicksPerDay != 0)
            errors.Add($"{name} must be a whole number of days, at least 1, was {value}");
    }
}

/// <summary>Start-up validation of <see cref="RiskModelOptions"/> (register with AddSingleton&lt;IValidateOptions&lt;RiskModelOptions&gt;&gt;).</summary>
public sealed class RiskModelOptionsValidator : IValidateOptions<RiskModelOptions>
{
    public ValidateOptionsResult Validate(string? name, RiskModelOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
