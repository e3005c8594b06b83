using Xunit;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Risk;
using static RiskMap.Tests.Risk.TestHouseholds;

namespace RiskMap.Tests.Risk;

public class HardTriggerTests
{
    [Fact]
    public void ComfortableHousehold_HasNoWarningAndNoReasons()
    {
        var a = Assess(Comfortable());
        Assert.Equal(RiskLevel.None, a.Level);
        Assert.Equal(HardTrigger.None, a.Triggers);
        Assert.Equal(0, a.Reasons.Count);
        Assert.Equal(0f, a.Score);
        Assert.Equal("v1", a.ModelVersion);
    }

    [Fact]
    public void IncomeExactlyAtLine_FiresNoIncomeTrigger()
    {
        var a = Assess(Comfortable() with { IncomePerCapita = 7500 });
        Assert.Equal(HardTrigger.None, a.Triggers);
        Assert.True(a.Level < RiskLevel.Moderate);
    }

    [Fact]
    public void IncomeOneYuanBelowLine_IsLevelTwoOrAbove()
    {
        var a = Assess(Comfortable() with { IncomePerCapita = 7499 });
        Assert.True(a.Triggers.HasFlag(HardTrigger.IncomeBelowLine));
        Assert.True(a.Level >= RiskLevel.Moderate);
    }

    [Fact]
    public void IncomeExactlyAtDibaoLine_IsLevelTwo()
    {
        var a = Assess(Comfortable() with { IncomePerCapita = 5000 });
        Assert.Equal(RiskLevel.Moderate, a.Level);
        Assert.False(a.Triggers.HasFlag(HardTrigger.IncomeBelowDibaoLine));
    }

    [Fact]
    public void IncomeOneYuanBelowDibaoLine_IsLevelThree()
    {
        var a = Assess(Comfortable() with { IncomePerCapita = 4999 });
        Assert.Equal(RiskLevel.High, a.Level);
        Assert.Equal("income_below_dibao_line", Keys(a)[0]);
    }

    [Fact]
    public void IncomeAfterRigidSpendingExactlyAtLine_FiresNoTrigger()
    {
        // 10,000 − 10,000 / 4 members = 7,500 per person: at the line, not below.
        var a = Assess(Comfortable() with { IncomePerCapita = 10000, RigidExpenditure = 10000 });
        Assert.Equal(HardTrigger.None, a.Triggers);
    }

    [Fact]
    public void IncomeAfterRigidSpendingOneYuanBelowLine_IsLevelTwo()
    {
        // 10,000 − 10,001 / 4 = 7,499.75 per person.
        var a = Assess(Comfortable() with { IncomePerCapita = 10000, RigidExpenditure = 10001 });
        Assert.Equal(HardTrigger.IncomeAfterRigidBelowLine, a.Triggers);
        Assert.Equal(RiskLevel.Moderate, a.Level);
        Assert.Equal("income_after_rigid_below_line", Keys(a)[0]);
    }

    [Fact]
    public void RigidSpendingEqualToIncome_IsLevelThreeWithRigidShock()
    {
        var a = Assess(Comfortable() with { IncomePerCapita = 10000, RigidExpenditure = 40000 });
        Assert.Equal(RiskLevel.High, a.Level);
        Assert.True(a.Triggers.HasFlag(HardTrigger.IncomeAfterRigidBelowDibaoLine));
        Assert.True(a.Triggers.HasFlag(HardTrigger.RigidExpenditureHigh));
        Assert.Equal("income_after_rigid_below_dibao_line", Keys(a)[0]);
    }

    [Theory]
    [InlineData(nameof(Household.HousingUnsafe), HardTrigger.HousingUnsafe, "housing_unsafe")]
    [InlineData(nameof(Household.ChildOutOfSchool), HardTrigger.ChildOutOfSchool, "child_out_of_school")]
    [InlineData(nameof(Household.NoMedicalInsurance), HardTrigger.NoMedicalInsurance, "no_medical_insurance")]
    [InlineData(nameof(Household.WaterUnsafe), HardTrigger.WaterUnsafe, "water_unsafe")]
    public void EachFailedGuarantee_AloneIsLevelTwo(string field, HardTrigger expected, string key)
    {
        var h = field switch
        {
            nameof(Household.HousingUnsafe) => Comfortable() with { HousingUnsafe = true },
            nameof(Household.ChildOutOfSchool) => Comfortable() with { ChildOutOfSchool = true },
            nameof(Household.NoMedicalInsurance) => Comfortable() with { NoMedicalInsurance = true },
            _ => Comfortable() with { WaterUnsafe = true },
        };
        var a = Assess(h);
        Assert.Equal(expected, a.Triggers);
        Assert.Equal(RiskLevel.Moderate, a.Level);
        Assert.Equal(key, Keys(a)[0]);
    }

    [Fact]
    public void IncomeDropExactlyAtCollapseShare_IsNoShock()
    {
        // 20,000 → 14,000 is exactly 30 %: "more than" 3/10 is needed.
        var a = Assess(Comfortable() with { IncomeLastYear = 20000, IncomePerCapita = 14000 });
        Assert.False(a.Triggers.HasFlag(HardTrigger.IncomeCollapse));
        Assert.True(a.Level < RiskLevel.Moderate);
    }

    [Fact]
    public void IncomeDropOneYuanBeyondCollapseShare_IsLevelTwoShock()
    {
        var a = Assess(Comfortable() with { IncomeLastYear = 20000, IncomePerCapita = 13999 });
        Assert.Equal(HardTrigger.IncomeCollapse, a.Triggers);
        Assert.Equal(RiskLevel.Moderate, a.Level);
    }

    [Fact]
    public void RigidSpendingExactlyHalfOfIncome_IsNoShock()
    {
        // 20,000 × 4 = 80,000 household income; 40,000 is exactly one half.
        var a = Assess(Comfortable() with { IncomePerCapita = 20000, RigidExpenditure = 40000 });
        Assert.Equal(HardTrigger.None, a.Triggers);
    }

    [Fact]
    public void RigidSpendingOneYuanAboveHalfOfIncome_IsLevelTwoShock()
    {
        var a = Assess(Comfortable() with { IncomePerCapita = 20000, RigidExpenditure = 40001 });
        Assert.Equal(HardTrigger.RigidExpenditureHigh, a.Triggers);
        Assert.Equal(RiskLevel.Moderate, a.Level);
    }

    [Fact]
    public void ConfiguredCollapseShare_MovesTheBoundary()
    {
        var options = new RiskModelOptions { IncomeCollapseShare = Fraction.Of(1, 2) };
        var h = Comfortable() with { IncomeLastYear = 20000, IncomePerCapita = 13999 };
        Assert.False(Assess(h, options).Triggers.HasFlag(HardTrigger.IncomeCollapse));
        Assert.True(Assess(h with { IncomePerCapita = 9999 }, options).Triggers.HasFlag(HardTrigger.IncomeCollapse));
    }

    [Fact]
    public void TriggersFromTwoGroups_EscalateToLevelThree()
    {
        var a = Assess(Comfortable() with { IncomePerCapita = 7499, HousingUnsafe = true });
        Assert.Equal(RiskLevel.High, a.Level);
    }

    [Fact]
    public void TwoGuaranteesFromTheSameGroup_StayAtLevelTwo()
    {
        var a = Assess(Comfortable() with { HousingUnsafe = true, WaterUnsafe = true });
        Assert.Equal(RiskLevel.Moderate, a.Level);
    }

    [Fact]
    public void EscalationConfiguredOff_KeepsTwoGroupsAtLevelTwo()
    {
        var options = new RiskModelOptions { EscalateAtTriggerGroups = 4 };
        var a = Assess(Comfortable() with { IncomePerCapita = 7499, HousingUnsafe = true }, options);
        Assert.Equal(RiskLevel.Moderate, a.Level);
    }

    [Fact]
    public void ZeroIncomeWithRigidSpending_IsLevelThreeAndSaysThereWasNoIncome()
    {
        var a = Assess(Comfortable() with { IncomePerCapita = 0, RigidExpenditure = 3000 });
        Assert.Equal(RiskLevel.High, a.Level);
        var rigid = a.Reasons.ToArray().Single(r => r.Code == ReasonCode.RigidExpenditureHigh);
        Assert.Equal("有刚性支出而家庭无纯收入", rigid.Chinese);
    }
}
