using Xunit;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Risk;
using static RiskMap.Tests.Risk.TestHouseholds;

namespace RiskMap.Tests.Risk;

public class WorkGapTests
{
    private static readonly DateOnly Entered = new(2024, 6, 1);

    private static Household MonitoredBelowLine() => Comfortable() with
    {
        IncomePerCapita = 7000,
        Monitoring = MonitoringStatus.Monitored,
        MonitoredSince = Entered,
    };

    [Fact]
    public void ExactlyFifteenDaysWithoutAssistance_IsNotYetUnassisted()
    {
        Assert.False(Assess(MonitoredBelowLine(), asOf: Entered.AddDays(15)).Gaps.Unassisted);
    }

    [Fact]
    public void SixteenDaysWithoutAssistance_IsUnassisted()
    {
        var a = Assess(MonitoredBelowLine(), asOf: Entered.AddDays(16));
        Assert.True(a.Gaps.Unassisted);
        Assert.Contains("unassisted", Keys(a));
    }

    [Fact]
    public void ConfiguredDeadline_ReplacesFifteenDays()
    {
        var options = new RiskModelOptions { UnassistedDeadline = TimeSpan.FromDays(30) };
        Assert.False(Assess(MonitoredBelowLine(), options, Entered.AddDays(16)).Gaps.Unassisted);
        Assert.True(Assess(MonitoredBelowLine(), options, Entered.AddDays(31)).Gaps.Unassisted);
    }

    [Fact]
    public void AssistanceSinceMonitoring_ClosesTheGap()
    {
        var h = MonitoredBelowLine() with { Assistance = [new(AssistanceKind.Employment, Entered.AddDays(20))] };
        Assert.False(Assess(h, asOf: Entered.AddDays(40)).Gaps.Unassisted);
    }

    [Fact]
    public void AssistanceBeforeMonitoring_DoesNotCount()
    {
        var h = MonitoredBelowLine() with { Assistance = [new(AssistanceKind.Industry, Entered.AddDays(-100))] };
        Assert.True(Assess(h, asOf: Entered.AddDays(40)).Gaps.Unassisted);
    }

    [Fact]
    public void AssistanceAfterTheAssessmentDate_DoesNotCount()
    {
        var h = MonitoredBelowLine() with { Assistance = [new(AssistanceKind.Industry, Entered.AddDays(50))] };
        Assert.True(Assess(h, asOf: Entered.AddDays(40)).Gaps.Unassisted);
    }

    [Fact]
    public void DibaoHousehold_CountsAsAssisted()
    {
        Assert.False(Assess(MonitoredBelowLine() with { Dibao = true }, asOf: Entered.AddDays(40)).Gaps.Unassisted);
    }

    [Fact]
    public void AtRiskButNotMonitored_ShouldBeMonitored()
    {
        var a = Assess(Comfortable() with { IncomePerCapita = 7499 });
        Assert.True(a.Gaps.ShouldMonitor);
        Assert.False(a.Gaps.Unassisted);
    }

    [Fact]
    public void RiskEliminatedButAtRiskAgain_ShouldBeMonitored()
    {
        var h = Comfortable() with { IncomePerCapita = 7499, Monitoring = MonitoringStatus.RiskEliminated, RiskEliminatedOn = Entered };
        Assert.True(Assess(h).Gaps.ShouldMonitor);
    }

    [Fact]
    public void LevelOneNotMonitored_IsNoGap()
    {
        var a = Assess(Comfortable() with { IncomePerCapita = 7875, RiskTypes = [RiskType.Illness] });
        Assert.Equal(RiskLevel.Light, a.Level);
        Assert.False(a.Gaps.Any);
    }

    [Fact]
    public void MonitoredWithoutWarningFor180Days_ShouldExit()
    {
        var h = Comfortable() with { Monitoring = MonitoringStatus.Monitored, MonitoredSince = Entered };
        var a = Assess(h, asOf: Entered.AddDays(180));
        Assert.True(a.Gaps.ShouldExit);
        Assert.False(a.Gaps.Unassisted);
        Assert.False(Assess(h, asOf: Entered.AddDays(179)).Gaps.ShouldExit);
    }

    [Fact]
    public void MonitoredWithoutWarningButLastYearBelowLine_ShouldNotYetExit()
    {
        var h = Comfortable() with { Monitoring = MonitoringStatus.Monitored, MonitoredSince = Entered, IncomeLastYear = 7499 };
        Assert.False(Assess(h, asOf: Entered.AddDays(200)).Gaps.ShouldExit);
    }

    [Fact]
    public void MonitoredAtLevelOne_ShouldNotExit()
    {
        var h = Comfortable() with
        {
            IncomePerCapita = 7875, RiskTypes = [RiskType.Illness],
            Monitoring = MonitoringStatus.Monitored, MonitoredSince = Entered, Assistance = [new(AssistanceKind.Health, Entered)],
            LastVisitOn = Entered.AddDays(190),
        };
        var a = Assess(h, asOf: Entered.AddDays(200));
        Assert.Equal(RiskLevel.Light, a.Level);
        Assert.False(a.Gaps.ShouldExit);
    }

    [Fact]
    public void MonitoredWithoutStartDate_IsNeverUnassistedOrExiting()
    {
        var h = MonitoredBelowLine() with { MonitoredSince = null };
        Assert.False(Assess(h, asOf: Entered.AddDays(400)).Gaps.Any);
    }
}
