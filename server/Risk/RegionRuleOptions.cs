using Microsoft.Extensions.Options;
using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Risk;

/// <summary>What a region is, for choosing its thresholds.</summary>
public enum RegionLevel : short
{
    Province = 1,
    Prefecture = 2,
    County = 3,
    Township = 4,
    Village = 5,
    /// <summary>A relocation resettlement site (易地扶贫搬迁安置点).</summary>
    Site = 6,
    /// <summary>A region a user drew and saved.</summary>
    Region = 7,
}

/// <summary>The two share thresholds of one region level; both compare "more than".</summary>
public sealed class RegionThresholds
{
    /// <summary>Share of households at level II or above that must be exceeded for scale return to poverty (red zone).</summary>
    public Fraction ScaleShare { get; set; }

    /// <summary>Share of households at level II or above that must be exceeded for a yellow zone; below <see cref="ScaleShare"/>.</summary>
    public Fraction YellowShare { get; set; }
}

/// <summary>
/// Scale-return and zone thresholds per region level (configuration section "Risk:Regions").
/// Village and township come from seed 000 §三.2; every other default is an example.
/// </summary>
public sealed class RegionRuleOptions
{
    public const string Section = "Risk:Regions";

    /// <summary>Village: more than 1/2 at II or above is scale return (seed 000 §三.2: 村域出现一半以上); yellow above 1/4 (example: half of that).</summary>
    public RegionThresholds Village { get; set; } = new() { ScaleShare = Fraction.Of(1, 2), YellowShare = Fraction.Of(1, 4) };

    /// <summary>Township: more than 1/3 at II or above is scale return (seed 000 §三.2: 镇域出现1/3以上); yellow above 1/6 (example).</summary>
    public RegionThresholds Township { get; set; } = new() { ScaleShare = Fraction.Of(1, 3), YellowShare = Fraction.Of(1, 6) };

    /// <summary>
    /// County: the seeds give no figure. Example 1/10, yellow 1/20. The poverty-incidence bars seed
    /// 000 §一 reports for a county's exit (3.5%, 3%, 2%) count households *in* poverty; the share
    /// at II or above also counts households at risk, which monitoring keeps at a few percent of a
    /// county in ordinary times, so a tenth of a county at II or above is taken as scale.
    /// </summary>
    public RegionThresholds County { get; set; } = new() { ScaleShare = Fraction.Of(1, 10), YellowShare = Fraction.Of(1, 20) };

    /// <summary>Prefecture: example, same as county (1/10, yellow 1/20).</summary>
    public RegionThresholds Prefecture { get; set; } = new() { ScaleShare = Fraction.Of(1, 10), YellowShare = Fraction.Of(1, 20) };

    /// <summary>Province: example, same as county (1/10, yellow 1/20).</summary>
    public RegionThresholds Province { get; set; } = new() { ScaleShare = Fraction.Of(1, 10), YellowShare = Fraction.Of(1, 20) };

    /// <summary>Resettlement site: example, as a village (1/2, yellow 1/4): a site is a community of village size (mean ~37 households in Liangshan).</summary>
    public RegionThresholds Site { get; set; } = new() { ScaleShare = Fraction.Of(1, 2), YellowShare = Fraction.Of(1, 4) };

    /// <summary>Drawn region: example, as a township (1/3, yellow 1/6).</summary>
    public RegionThresholds Region { get; set; } = new() { ScaleShare = Fraction.Of(1, 3), YellowShare = Fraction.Of(1, 6) };

    /// <summary>
    /// A region with fewer households is never red nor scale return (at most yellow): two of three
    /// households is not "scale". Default 10 (example; a Liangshan village averages several hundred).
    /// </summary>
    public int MinimumHouseholds { get; set; } = 10;

    /// <summary>The thresholds for <paramref name="level"/>.</summary>
    public RegionThresholds For(RegionLevel level) => level switch
    {
        RegionLevel.Village => Village,
        RegionLevel.Township => Township,
        RegionLevel.County => County,
        RegionLevel.Prefecture => Prefecture,
        RegionLevel.Province => Province,
        RegionLevel.Site => Site,
        RegionLevel.Region => Region,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "unknown region level"),
    };

    /// <summary>The region level of an administrative unit level.</summary>
    public static RegionLevel LevelOf(UnitLevel unit) => (RegionLevel)(short)unit;

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var level in Enum.GetValues<RegionLevel>())
        {
            var t = For(level);
            if (t is null) { errors.Add($"{level}: thresholds missing"); continue; }
            RiskModelOptions.CheckFraction(errors, $"{level}.{nameof(RegionThresholds.ScaleShare)}", t.ScaleShare, mustBeBelowOne: true);
            RiskModelOptions.CheckFraction(errors, $"{level}.{nameof(RegionThresholds.YellowShare)}", t.YellowShare, mustBeBelowOne: true);
            if (t.ScaleShare.IsValid && t.YellowShare.IsValid && t.YellowShare.Value >= t.ScaleShare.Value)
                errors.Add($"{level}.{nameof(RegionThresholds.YellowShare)} ({t.YellowShare}) must be below {nameof(RegionThresholds.ScaleShare)} ({t.ScaleShare})");
        }
        if (MinimumHouseholds < 1) errors.Add($"{nameof(MinimumHouseholds)} must be at least 1, was {MinimumHouseholds}");
        return errors;
    }
}

/// <summary>Start-up validation of <see cref="RegionRuleOptions"/>.</summary>
public sealed class RegionRuleOptionsValidator : IValidateOptions<RegionRuleOptions>
{
    public ValidateOptionsResult Validate(string? name, RegionRuleOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
