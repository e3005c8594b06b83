using Xunit;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Risk;
using static RiskMap.Tests.Risk.TestHouseholds;

namespace RiskMap.Tests.Risk;

public class LivelihoodScoreTests
{
    /// <summary>
    /// 1.1 × line, one worker in four, illness and disability, monitored 60 days with no help and
    /// no visit: human 0.5, financial 0.55, social 0 → risk 12.5 + 13.5 + 10 = 36, level II
    /// with no hard trigger.
    /// </summary>
    private static Household WeakButAboveLine() => Comfortable() with
    {
        IncomePerCapita = 8250,
        Labour = 1,
        RiskTypes = [RiskType.Illness, RiskType.Disability],
        Monitoring = MonitoringStatus.Monitored,
        MonitoredSince = AsOf.AddDays(-60),
    };

    [Fact]
    public void WeakLivelihoodWithoutTrigger_ScoreAloneGivesLevelTwo()
    {
        var a = Assess(WeakButAboveLine());
        Assert.Equal(HardTrigger.None, a.Triggers);
        Assert.Equal(RiskLevel.Moderate, a.Level);
        Assert.Equal(36.0, a.Score, 3);
        Assert.Equal(0.5, a.Capitals.Human, 6);
        Assert.Equal(0.55, a.Capitals.Financial, 6);
        Assert.Equal(0.0, a.Capitals.Social, 6);
    }

    [Fact]
    public void NearLineWithIllness_IsLevelOneWithoutCategory()
    {
        // 1.05 × line: financial (0.05 + 1) / 2; illness halves health → risk ≈ 18.4.
        var a = Assess(Comfortable() with { IncomePerCapita = 7875, RiskTypes = [RiskType.Illness] });
        Assert.Equal(RiskLevel.Light, a.Level);
        Assert.InRange(a.Score, 15f, 30f);
        Assert.Null(a.Category);
        Assert.Equal(["risk.illness", "income_near_line"], Keys(a));
    }

    [Fact]
    public void ScoreExactlyOnLightThreshold_IsLevelOne()
    {
        // At the line with nothing else: financial capacity (0 + 1) / 2 → 0.30 × 0.5 × 100 = 15,
        // exactly LightFromScore, which floating-point arithmetic alone computes as 14.999….
        var a = Assess(Comfortable() with { IncomePerCapita = 7500 });
        Assert.Equal(15f, a.Score);
        Assert.Equal(RiskLevel.Light, a.Level);
    }

    [Fact]
    public void ChangingWeights_ChangesScoreAndLevel()
    {
        var options = new RiskModelOptions { SocialWeight = 0, FinancialWeight = 0.40 };
        var a = Assess(WeakButAboveLine(), options);
        // human 0.25·0.5 + financial 0.40·0.45 → 12.5 + 18 = 30.5
        Assert.Equal(30.5, a.Score, 3);
        var heavierSocial = new RiskModelOptions { SocialWeight = 0.40, FinancialWeight = 0.10, HumanWeight = 0.15, NaturalWeight = 0.15, PhysicalWeight = 0.20 };
        Assert.Equal(RiskLevel.High, Assess(WeakButAboveLine(), heavierSocial).Level);
    }

    [Fact]
    public void HardTriggerFloor_LiftsScoreToTheLevelsBand()
    {
        var a = Assess(Comfortable() with { WaterUnsafe = true, LastVisitOn = AsOf.AddDays(-10), Assistance = [new(AssistanceKind.Water, AsOf.AddDays(-5))] });
        Assert.Equal(RiskLevel.Moderate, a.Level);
        Assert.Equal(30f, a.Score);
    }

    [Fact]
    public void RelocatedHousehold_HasLowerPhysicalCapital()
    {
        var a = Assess(Comfortable() with { Relocated = true, SiteId = 7 });
        Assert.Equal(2.5 / 3, a.Capitals.Physical, 6);
    }

    [Fact]
    public void LabourShortage_ZeroesLabourWhateverTheHeadCount()
    {
        var h = Comfortable() with { RiskTypes = [RiskType.LabourShortage] };
        Assert.Equal(2.0 / 3, Assess(h).Capitals.Human, 6);
    }

    [Fact]
    public void DisasterAndIndustryFailure_EmptyNaturalCapital()
    {
        var h = Comfortable() with { RiskTypes = [RiskType.DisasterFlood, RiskType.IndustryFailure] };
        Assert.Equal(0.0, Assess(h).Capitals.Natural, 6);
    }

    [Fact]
    public void SupportAndRecentVisit_RestoreSocialCapitalOfAMonitoredHousehold()
    {
        var h = WeakButAboveLine() with
        {
            Assistance = [new(AssistanceKind.Health, AsOf.AddDays(-50))],
            LastVisitOn = AsOf.AddDays(-20),
        };
        var a = Assess(h);
        Assert.Equal(1.0, a.Capitals.Social, 6);
        Assert.Equal(RiskLevel.Light, a.Level);
    }

    [Fact]
    public void ScoreIsAlwaysWithinZeroToHundred()
    {
        var worst = Comfortable() with
        {
            IncomePerCapita = -2000, Labour = 0, RigidExpenditure = 50000, IncomeLastYear = 9000,
            HousingUnsafe = true, WaterUnsafe = true, ChildOutOfSchool = true, Relocated = true, TransferIncome = 5000,
            RiskTypes = [RiskType.Illness, RiskType.Disability, RiskType.Accident, RiskType.DisasterFlood, RiskType.IndustryFailure],
        };
        var a = Assess(worst);
        Assert.Equal(RiskLevel.High, a.Level);
        Assert.InRange(a.Score, 90f, 100f);
        Assert.Equal(0.0, a.Capitals.Human + a.Capitals.Natural + a.Capitals.Financial + a.Capitals.Social, 6);
    }
}
