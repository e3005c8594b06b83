using Xunit;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Risk;
using static RiskMap.Tests.Risk.TestHouseholds;

namespace RiskMap.Tests.Risk;

public class CategoryTests
{
    [Fact]
    public void FormerlyPoorBelowLine_IsUnstableFormerlyPoor()
    {
        var a = Assess(Comfortable() with { FormerlyPoor = true, IncomePerCapita = 7499 });
        Assert.Equal(HouseholdCategory.UnstableFormerlyPoor, a.Category);
    }

    [Fact]
    public void NeverPoorBelowLine_IsMarginalAtRisk()
    {
        var a = Assess(Comfortable() with { IncomePerCapita = 7499 });
        Assert.Equal(HouseholdCategory.MarginalAtRisk, a.Category);
    }

    [Fact]
    public void NeverPoorAtRiskJustBelowNearLineMultiple_IsMarginalAtRisk()
    {
        // 1.5 × 7,500 = 11,250: one yuan below is near the line.
        var a = Assess(Comfortable() with { IncomePerCapita = 11249, HousingUnsafe = true });
        Assert.Equal(HouseholdCategory.MarginalAtRisk, a.Category);
    }

    [Fact]
    public void NeverPoorAtRiskExactlyAtNearLineMultiple_HasNoCategory()
    {
        var a = Assess(Comfortable() with { IncomePerCapita = 11250, HousingUnsafe = true });
        Assert.Equal(RiskLevel.Moderate, a.Level);
        Assert.Null(a.Category);
    }

    [Fact]
    public void IllnessWithSoaringRigidSpendingWellAboveLine_IsSuddenHardship()
    {
        var a = Assess(Comfortable() with { IncomePerCapita = 20000, RigidExpenditure = 40001, RiskTypes = [RiskType.Illness] });
        Assert.Equal(HouseholdCategory.SuddenHardship, a.Category);
    }

    [Theory]
    [InlineData(RiskType.DisasterFlood)]
    [InlineData(RiskType.DisasterEarthquake)]
    [InlineData(RiskType.Accident)]
    public void IncomeCollapseFromDisasterOrAccident_IsSuddenHardship(string cause)
    {
        var a = Assess(Comfortable() with { IncomeLastYear = 30000, IncomePerCapita = 20000, RiskTypes = [cause] });
        Assert.Equal(HouseholdCategory.SuddenHardship, a.Category);
    }

    [Fact]
    public void ShockWithoutIllnessDisasterOrAccident_IsNotSuddenHardship()
    {
        var a = Assess(Comfortable() with { IncomeLastYear = 30000, IncomePerCapita = 20000, RiskTypes = [RiskType.IndustryFailure] });
        Assert.Equal(RiskLevel.Moderate, a.Level);
        Assert.Null(a.Category);
    }

    [Fact]
    public void FormerlyPoorWithIllnessShock_StaysUnstableFormerlyPoor()
    {
        var a = Assess(Comfortable() with { FormerlyPoor = true, IncomePerCapita = 20000, RigidExpenditure = 40001, RiskTypes = [RiskType.Illness] });
        Assert.Equal(HouseholdCategory.UnstableFormerlyPoor, a.Category);
    }

    [Fact]
    public void FormerlyPoorWithoutRisk_HasNoCategory()
    {
        Assert.Null(Assess(Comfortable() with { FormerlyPoor = true }).Category);
    }

    [Fact]
    public void MonitorFromLevelOne_GivesCategoryToLevelOneHouseholds()
    {
        var h = Comfortable() with { FormerlyPoor = true, IncomePerCapita = 7875, RiskTypes = [RiskType.Illness] };
        Assert.Null(Assess(h).Category);
        var options = new RiskModelOptions { MonitorFromLevel = RiskLevel.Light };
        Assert.Equal(HouseholdCategory.UnstableFormerlyPoor, Assess(h, options).Category);
    }
}
