namespace RiskMap.Server.Risk;

/// <summary>
/// Household warning level (预警等级), stored as household.risk_level 0–3. Colours are fixed by
/// seed 000 §三.2: I green, II yellow, III red.
/// </summary>
public enum RiskLevel : short
{
    /// <summary>No warning.</summary>
    None = 0,
    /// <summary>I 轻警: slight signs that could grow; return-to-poverty probability low.</summary>
    Light = 1,
    /// <summary>II 中警: precursors present, expected to return to poverty, getting worse.</summary>
    Moderate = 2,
    /// <summary>III 高警: at the edge; could fall back at any moment.</summary>
    High = 3,
}

/// <summary>
/// Monitoring category (三类户), stored as household.category 1–3; a household with no
/// category has none of these (null in the database).
/// </summary>
public enum HouseholdCategory : short
{
    /// <summary>脱贫不稳定户: formerly poor and at risk.</summary>
    UnstableFormerlyPoor = 1,
    /// <summary>边缘易致贫户: never poor, near the monitoring line and at risk.</summary>
    MarginalAtRisk = 2,
    /// <summary>突发严重困难户: rigid spending soared or income collapsed because of illness, disaster or accident.</summary>
    SuddenHardship = 3,
}
