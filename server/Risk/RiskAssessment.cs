namespace RiskMap.Server.Risk;

/// <summary>
/// What the risk model says about one household: the columns household.risk_level,
/// risk_score, category, reasons, model_version and gap_*, plus the triggers and capital
/// scores behind them. A struct, so assessing ten million households allocates nothing per row.
/// </summary>
public readonly struct RiskAssessment
{
    public required RiskLevel Level { get; init; }
    /// <summary>Risk score 0–100 (higher is riskier); never below the lower bound of <see cref="Level"/>'s band.</summary>
    public required float Score { get; init; }
    /// <summary>Monitoring category, or null when the household is not at risk or fits none.</summary>
    public required HouseholdCategory? Category { get; init; }
    public required WorkGaps Gaps { get; init; }
    /// <summary>Hard triggers that fired.</summary>
    public required HardTrigger Triggers { get; init; }
    /// <summary>The five livelihood capitals (capacity 0–1 each).</summary>
    public required CapitalScores Capitals { get; init; }
    /// <summary>The few facts that drove the level, most important first; empty at level None.</summary>
    public required ReasonList Reasons { get; init; }
    /// <summary>The model version that produced this assessment (household.model_version).</summary>
    public string ModelVersion => RiskModel.Version;
}
