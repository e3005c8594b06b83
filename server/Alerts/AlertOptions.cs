using Microsoft.Extensions.Options;
using RiskMap.Server.Risk;

namespace RiskMap.Server.Alerts;

/// <summary>
/// The clear thresholds of the scale rule per region level: an open scale alert resolves only when
/// the share at level II or above falls to this value or below, which sits under the raise
/// threshold (<see cref="RegionRuleOptions"/>' ScaleShare) so a unit hovering at the line does not flap.
/// </summary>
public sealed class ScaleClearShares
{
    /// <summary>Village: raised above 1/2, cleared at 2/5 or below (example).</summary>
    public Fraction Village { get; set; } = Fraction.Of(2, 5);
    /// <summary>Township: raised above 1/3, cleared at 1/4 or below (example).</summary>
    public Fraction Township { get; set; } = Fraction.Of(1, 4);
    /// <summary>County: raised above 1/10 (configured), cleared at 2/25 (8 %) or below (example).</summary>
    public Fraction County { get; set; } = Fraction.Of(2, 25);
    public Fraction Prefecture { get; set; } = Fraction.Of(2, 25);
    public Fraction Province { get; set; } = Fraction.Of(2, 25);
    /// <summary>Resettlement site: raised above 1/2, cleared at 2/5 or below (example).</summary>
    public Fraction Site { get; set; } = Fraction.Of(2, 5);

    public Fraction For(RegionLevel level) => level switch
    {
        RegionLevel.Village => Village,
        RegionLevel.Township => Township,
        RegionLevel.County => County,
        RegionLevel.Prefecture => Prefecture,
        RegionLevel.Province => Province,
        RegionLevel.Site => Site,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "no scale clear threshold for this level"),
    };
}

/// <summary>The alert engine's rules and timings (configuration section "Alerts").</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>
    /// How long a condition must hold before its alert is raised (0: at once). Seconds in the demo,
    /// days in a deployment that wants to see a condition persist; red zones are reported at once
    /// by default, as the seeds ask.
    /// </summary>
    public TimeSpan PendingPeriod { get; set; } = TimeSpan.Zero;

    /// <summary>A raised alert nobody acknowledges within this time escalates to the next level up, and again after as long.</summary>
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often pending alerts are promoted, escalations made and the live log pruned.</summary>
    public TimeSpan ClockInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often every unit and site is re-evaluated from its stored figures (start-up, then this often), to catch bulk loads and rebuilds.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A unit or site with fewer households never raises a scale alert; one with an open alert resolves when it falls below.</summary>
    public int MinimumHouseholds { get; set; } = 10;

    public ScaleClearShares ScaleClear { get; set; } = new();

    /// <summary>Site employment rule: a site's labour force employed share below this raises an alert (example 3/5).</summary>
    public Fraction EmploymentFloor { get; set; } = Fraction.Of(3, 5);

    /// <summary>Site employment rule: the alert clears when the employed share reaches this (example 2/3), above the floor.</summary>
    public Fraction EmploymentClear { get; set; } = Fraction.Of(2, 3);

    /// <summary>Sites with a smaller labour force are not judged on employment.</summary>
    public int MinimumLabour { get; set; } = 10;

    /// <summary>Raise a household alert when a change takes a household to level III without any assistance.</summary>
    public bool HouseholdAlerts { get; set; } = true;

    /// <summary>The longest pending or escalation period accepted (a year).</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(366);

    /// <summary>Largest minimum of households or labour accepted.</summary>
    public const int MaxMinimum = 100_000;

    /// <summary>
    /// What is wrong with these rules, each error with the setting it is about ("ScaleClear.Township"),
    /// checked against the raise thresholds <paramref name="regions"/> (a clear threshold must sit below its raise threshold).
    /// </summary>
    public IReadOnlyList<OptionError> Validate(RegionRuleOptions regions)
    {
        var errors = new List<OptionError>();
        void Check(bool ok, string field, string message) { if (!ok) errors.Add(new(field, $"{field} {message}")); }
        Check(PendingPeriod >= TimeSpan.Zero && PendingPeriod <= MaxPeriod, nameof(PendingPeriod), $"must be 0 to {MaxPeriod.TotalDays:0} days, was {PendingPeriod}");
        Check(EscalateAfter > TimeSpan.Zero && EscalateAfter <= MaxPeriod, nameof(EscalateAfter), $"must be positive and at most {MaxPeriod.TotalDays:0} days, was {EscalateAfter}");
        Check(ClockInterval > TimeSpan.Zero, nameof(ClockInterval), "must be positive");
        Check(SweepInterval > TimeSpan.Zero, nameof(SweepInterval), "must be positive");
        Check(MinimumHouseholds is >= 1 and <= MaxMinimum, nameof(MinimumHouseholds), $"must be 1 to {MaxMinimum:N0}, was {MinimumHouseholds}");
        Check(MinimumLabour is >= 1 and <= MaxMinimum, nameof(MinimumLabour), $"must be 1 to {MaxMinimum:N0}, was {MinimumLabour}");
        foreach (var level in new[] { RegionLevel.Village, RegionLevel.Township, RegionLevel.County, RegionLevel.Prefecture, RegionLevel.Province, RegionLevel.Site })
        {
            var clear = ScaleClear.For(level);
            var name = $"{nameof(ScaleClear)}.{level}";
            CheckFraction(errors, name, clear, mustBeBelowOne: true);
            var raise = regions.For(level).ScaleShare;
            if (clear.IsValid && raise.IsValid && clear.Value >= raise.Value)
                errors.Add(new(name, $"{name} ({clear}) must be below the raise threshold Risk:Regions:{level}:ScaleShare ({raise})"));
        }
        CheckFraction(errors, nameof(EmploymentFloor), EmploymentFloor, mustBeBelowOne: true);
        CheckFraction(errors, nameof(EmploymentClear), EmploymentClear, mustBeBelowOne: false);
        if (EmploymentFloor.IsValid && EmploymentClear.IsValid && EmploymentClear.Value <= EmploymentFloor.Value)
            errors.Add(new(nameof(EmploymentClear), $"{nameof(EmploymentClear)} ({EmploymentClear}) must be above {nameof(EmploymentFloor)} ({EmploymentFloor})"));
        return errors;
    }

    private static void CheckFraction(List<OptionError> errors, string name, Fraction value, bool mustBeBelowOne)
    {
        var messages = new List<string>();
        RiskModelOptions.CheckFraction(messages, name, value, mustBeBelowOne);
        errors.AddRange(messages.Select(m => new OptionError(name, m)));
    }

    /// <summary>A copy, for rules an administrator changes without touching the configured ones.</summary>
    public AlertOptions Copy() => new()
    {
        PendingPeriod = PendingPeriod, EscalateAfter = EscalateAfter, ClockInterval = ClockInterval, SweepInterval = SweepInterval,
        MinimumHouseholds = MinimumHouseholds,
        ScaleClear = new ScaleClearShares
        {
            Village = ScaleClear.Village, Township = ScaleClear.Township, County = ScaleClear.County,
            Prefecture = ScaleClear.Prefecture, Province = ScaleClear.Province, Site = ScaleClear.Site,
        },
        EmploymentFloor = EmploymentFloor, EmploymentClear = EmploymentClear, MinimumLabour = MinimumLabour, HouseholdAlerts = HouseholdAlerts,
    };
}

/// <summary>One thing wrong with a set of options: the setting (as in configuration, "ScaleClear.Village") and what is wrong.</summary>
public sealed record OptionError(string Field, string Message)
{
    public override string ToString() => Message;
}

/// <summary>Start-up validation of <see cref="AlertOptions"/> against the region thresholds.</summary>
public sealed class AlertOptionsValidator(IOptions<RegionRuleOptions> regions) : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var errors = options.Validate(regions.Value);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => e.Message));
    }
}
