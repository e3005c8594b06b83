using RiskMap.Server.Risk;

namespace RiskMap.Server.Ingest;

/// <summary>
/// How hard an area event hits each household inside it, per severity (section <c>Ingest:Shock</c>;
/// docs/api.md § Area events). Losses are a share of the monitoring line per member, so they keep
/// their meaning as lines rise; income drops are a share of per-capita income. The defaults are
/// examples a deployment should review: the seeds give no figures.
/// </summary>
public sealed class DisasterShockOptions
{
    public const string Section = "Ingest:Shock";

    /// <summary>Disaster losses a minor event (1, 一般) adds to rigid expenditure, per member, as a share of the monitoring line. Default 1/10.</summary>
    public Fraction MinorLoss { get; set; } = Fraction.Of(1, 10);

    /// <summary>Losses of a major event (2, 较大), per member, as a share of the monitoring line. Default 1/4.</summary>
    public Fraction MajorLoss { get; set; } = Fraction.Of(1, 4);

    /// <summary>
    /// Losses of a severe event (3, 重大), per member, as a share of the monitoring line. Default 1/2:
    /// with the severe income drop, a household earning less than 1.875 × the line then has less
    /// than the line left after rigid spending, a hard trigger (level II).
    /// </summary>
    public Fraction SevereLoss { get; set; } = Fraction.Of(1, 2);

    /// <summary>Share of per-capita income a minor event takes (lost harvest, work). Default 0.</summary>
    public Fraction MinorIncomeDrop { get; set; } = Fraction.Of(0, 1);

    /// <summary>Share of per-capita income a major event takes. Default 1/10.</summary>
    public Fraction MajorIncomeDrop { get; set; } = Fraction.Of(1, 10);

    /// <summary>Share of per-capita income a severe event takes. Default 1/5.</summary>
    public Fraction SevereIncomeDrop { get; set; } = Fraction.Of(1, 5);

    /// <summary>The loss and income-drop shares of one severity.</summary>
    public (Fraction Loss, Fraction IncomeDrop) For(EventSeverity severity) => severity switch
    {
        EventSeverity.Minor => (MinorLoss, MinorIncomeDrop),
        EventSeverity.Major => (MajorLoss, MajorIncomeDrop),
        _ => (SevereLoss, SevereIncomeDrop),
    };

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        (string Name, Fraction Value, long MaxNumeratorPerDenominator)[] shares =
        [
            (nameof(MinorLoss), MinorLoss, 10), (nameof(MajorLoss), MajorLoss, 10), (nameof(SevereLoss), SevereLoss, 10),
            (nameof(MinorIncomeDrop), MinorIncomeDrop, 1), (nameof(MajorIncomeDrop), MajorIncomeDrop, 1), (nameof(SevereIncomeDrop), SevereIncomeDrop, 1),
        ];
        foreach (var (name, value, max) in shares)
        {
            if (!value.IsValid) errors.Add($"{name} must be a non-negative fraction with a denominator of 1–{Fraction.MaxDenominator}, was {value}");
            // Losses beyond ten lines a member, or an income drop of all of it, are typos, not disasters.
            else if (max == 1 ? value.Numerator >= value.Denominator : value.Numerator > max * value.Denominator)
                errors.Add($"{name} must be {(max == 1 ? "below 1" : $"at most {max}")}, was {value}");
        }
        if (errors.Count > 0) return errors;
        if (!(MinorLoss.Value <= MajorLoss.Value && MajorLoss.Value <= SevereLoss.Value))
            errors.Add($"losses must not shrink with severity: {nameof(MinorLoss)} {MinorLoss} ≤ {nameof(MajorLoss)} {MajorLoss} ≤ {nameof(SevereLoss)} {SevereLoss}");
        if (!(MinorIncomeDrop.Value <= MajorIncomeDrop.Value && MajorIncomeDrop.Value <= SevereIncomeDrop.Value))
            errors.Add($"income drops must not shrink with severity: {nameof(MinorIncomeDrop)} {MinorIncomeDrop} ≤ {nameof(MajorIncomeDrop)} {MajorIncomeDrop} ≤ {nameof(SevereIncomeDrop)} {SevereIncomeDrop}");
        return errors;
    }
}
