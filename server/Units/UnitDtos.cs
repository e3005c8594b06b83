namespace RiskMap.Server.Units;

/// <summary>
/// A unit's figures as the API shows them (docs/api.md § Units). For callers without household
/// access, counts from 1 to k − 1 and what is computed from them are null (<c>SmallCounts</c>).
/// </summary>
public sealed record UnitFiguresDto(
    int? Households,
    int? Monitored,
    int? Level1,
    int? Level2,
    int? Level3,
    double? ShareAtLeastTwo,
    double? ShareThree,
    IReadOnlyDictionary<string, int?> Categories,
    IReadOnlyDictionary<string, int?> RiskTypes,
    int? Assisted,
    double? AssistanceCoverage,
    WorkGapsDto WorkGaps,
    int? IncomeMedian);

/// <summary>The three work gaps of seed 000 §三.2, as counts.</summary>
public sealed record WorkGapsDto(int? ShouldMonitor, int? Unassisted, int? ShouldExit);

/// <summary>
/// One administrative unit with its figures, zone and neighbours in the hierarchy (<see cref="Name"/>
/// the place, 特口甲谷村; <see cref="OfficialName"/> the statistical name, 特口甲谷村村民委员会); where a map shows
/// it (<see cref="Bbox"/> west, south, east, north and <see cref="LabelPoint"/> longitude, latitude,
/// null without a geometry); for a single unit above village level, its descendants per level and zone.
/// </summary>
public sealed record UnitDto(
    string Code,
    string Level,
    string Name,
    string? ParentCode,
    IReadOnlyList<string> ChildCodes,
    bool IsKeyCounty,
    bool Schematic,
    UnitFiguresDto Figures,
    string Zone,
    bool ScaleReturn,
    long Version,
    DateTimeOffset? UpdatedAt,
    KeyCountyComparisonDto? KeyCountyComparison,
    double[]? Bbox = null,
    double[]? LabelPoint = null,
    IReadOnlyDictionary<string, ZoneCountDto>? ZoneCounts = null,
    string? OfficialName = null);

/// <summary>How many units (of one level) are in each zone.</summary>
public sealed record ZoneCountDto(int Red, int Yellow, int Green);

/// <summary>Key assistance counties (国家乡村振兴重点帮扶县) against the others, under a prefecture or province.</summary>
public sealed record KeyCountyComparisonDto(CountyGroupDto KeyCounties, CountyGroupDto OtherCounties);

public sealed record CountyGroupDto(int Counties, int? Households, int? Monitored, int? Level1, int? Level2, int? Level3,
    double? ShareAtLeastTwo, int RedCounties, int? WorkGaps);

/// <summary>A unit's figures from one moment until the next row (region_stats_history).</summary>
public sealed record UnitHistoryPointDto(DateTimeOffset ValidFrom, int? Households, int? Monitored, int? Level1, int? Level2, int? Level3,
    double? ShareAtLeastTwo, string Zone, bool ScaleReturn);

/// <summary>A unit's figures as they were at a moment: its last history point by then (replay "as of"); null when it had none.</summary>
public sealed record UnitAsOfDto(string Code, string Level, UnitHistoryPointDto? Figures);

/// <summary>A resettlement site's figures as they were at a moment (its last history point by then); null when it had none.</summary>
public sealed record SiteAsOfDto(string SiteId, UnitHistoryPointDto? Figures);

/// <summary>The figures of a unit and everything under it at <see cref="At"/>: its units, parents first, and the resettlement sites in its villages.</summary>
public sealed record UnitsAsOfDto(DateTimeOffset At, List<UnitAsOfDto> Units, List<SiteAsOfDto> Sites);
