using RiskMap.Geodata.Domain;
using RiskMap.Server.Risk;

namespace RiskMap.Tests.Risk;

/// <summary>Hand-built households around one policy line: monitoring line 7,500, dibao line 5,000.</summary>
internal static class TestHouseholds
{
    public static readonly DateOnly AsOf = new(2024, 9, 1);

    public static readonly PolicyLine Line = new(
        new UnitCode(510000000000), 2024, MonitoringLine: 7500, DibaoLine: 5000, Source: "test", IsExample: false);

    /// <summary>
    /// Twice the monitoring line, four members of whom two work, no rigid spending, no risk,
    /// not monitored: every capital full, so the model says no warning.
    /// </summary>
    public static Household Comfortable() => new()
    {
        HouseholdId = "T-1",
        VillageCode = new UnitCode(513431100201),
        Lon = 102.84,
        Lat = 28.01,
        Members = 4,
        Labour = 2,
        IncomePerCapita = 15000,
    };

    public static RiskAssessment Assess(Household h, RiskModelOptions? options = null, DateOnly? asOf = null) =>
        RiskModel.Assess(h, Line, options ?? new RiskModelOptions(), asOf ?? AsOf);

    public static string[] Keys(RiskAssessment a) => a.Reasons.ToArray().Select(r => r.Key).ToArray();
}
