using RiskMap.Server.Alerts;
using RiskMap.Server.Risk;

namespace RiskMap.Tests.Live;

public sealed class AlertRuleTests
{
    private static readonly RegionRuleOptions Regions = new();
    private static readonly AlertOptions Options = new();
    private static readonly AlertSubject Village = new("unit", 513431100001);
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private static Verdict ScaleOfVillage(int households, int atLeastTwo) =>
        AlertRules.Scale(Village, Village.Id, RegionLevel.Village, new LevelCounts(households, 0, atLeastTwo, 0), Regions, Options).Verdict;

    [Fact]
    public void Exactly_half_of_a_village_at_level_II_is_not_scale_but_one_more_household_raises()
    {
        Assert.NotEqual(Verdict.Raise, ScaleOfVillage(20, 10));
        Assert.Equal(Verdict.Raise, ScaleOfVillage(20, 11));
    }

    [Fact]
    public void Between_the_clear_and_the_raise_threshold_the_verdict_is_hold()
    {
        // village: raised above 1/2, cleared at 2/5 or below
        Assert.Equal(Verdict.Hold, ScaleOfVillage(20, 9));
        Assert.Equal(Verdict.Clear, ScaleOfVillage(20, 8));
    }

    [Fact]
    public void A_unit_with_fewer_households_than_the_minimum_never_raises()
    {
        Assert.Equal(Verdict.Clear, ScaleOfVillage(9, 9));
    }

    [Fact]
    public void A_township_raises_above_one_third_at_level_II_or_above()
    {
        var township = new AlertSubject("unit", 513431100000);
        Verdict Of(int atLeastTwo) => AlertRules.Scale(township, township.Id, RegionLevel.Township, new LevelCounts(300, 0, atLeastTwo, 0), Regions, Options).Verdict;
        Assert.Equal(Verdict.Hold, Of(100));
        Assert.Equal(Verdict.Raise, Of(101));
        Assert.Equal(Verdict.Clear, Of(75));
    }

    [Fact]
    public void A_site_with_too_few_of_its_labour_force_employed_raises_and_clears_only_at_the_clear_share()
    {
        Assert.Equal(Verdict.Raise, AlertRules.SiteEmployment(9001, 513431100001, 20, 11, 30, Options).Verdict);
        Assert.Equal(Verdict.Hold, AlertRules.SiteEmployment(9001, 513431100001, 20, 12, 30, Options).Verdict);
        Assert.Equal(Verdict.Clear, AlertRules.SiteEmployment(9001, 513431100001, 30, 20, 30, Options).Verdict);
        Assert.Equal(Verdict.Clear, AlertRules.SiteEmployment(9001, 513431100001, 5, 0, 30, Options).Verdict);
    }

    [Fact]
    public void Escalation_climbs_one_level_at_a_time_and_stops_at_the_province()
    {
        Assert.Equal(513431100000, AlertRules.EscalationTarget(513431100001));
        Assert.Equal(513431000000, AlertRules.EscalationTarget(513431100000));
        Assert.Equal(513400000000, AlertRules.EscalationTarget(513431000000));
        Assert.Equal(510000000000, AlertRules.EscalationTarget(513400000000));
        Assert.Null(AlertRules.EscalationTarget(510000000000));
    }

    [Fact]
    public void Without_a_pending_period_a_condition_raises_at_once_and_with_one_it_waits()
    {
        var raise = Reading(Verdict.Raise);
        Assert.Equal(AlertAction.OpenRaised, AlertLifecycle.Decide(null, false, raise, Now, TimeSpan.Zero));
        Assert.Equal(AlertAction.OpenPending, AlertLifecycle.Decide(null, false, raise, Now, TimeSpan.FromHours(1)));
        var pending = new OpenAlert(1, AlertState.Pending, Now);
        Assert.Equal(AlertAction.Touch, AlertLifecycle.Decide(pending, false, raise, Now.AddMinutes(59), TimeSpan.FromHours(1)));
        Assert.Equal(AlertAction.Promote, AlertLifecycle.Decide(pending, false, raise, Now.AddHours(1), TimeSpan.FromHours(1)));
        Assert.Equal(AlertAction.CancelPending, AlertLifecycle.Decide(pending, false, Reading(Verdict.Clear), Now.AddMinutes(5), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void An_alert_resolved_by_hand_stays_quiet_until_its_condition_clears()
    {
        Assert.Equal(AlertAction.None, AlertLifecycle.Decide(null, true, Reading(Verdict.Raise), Now, TimeSpan.Zero));
        Assert.Equal(AlertAction.None, AlertLifecycle.Decide(null, true, Reading(Verdict.Hold), Now, TimeSpan.Zero));
        Assert.Equal(AlertAction.Unsuppress, AlertLifecycle.Decide(null, true, Reading(Verdict.Clear), Now, TimeSpan.Zero));
    }

    [Fact]
    public void An_acknowledged_alert_resolves_by_itself_when_the_condition_clears()
    {
        var acknowledged = new OpenAlert(1, AlertState.Acknowledged, Now);
        Assert.Equal(AlertAction.Touch, AlertLifecycle.Decide(acknowledged, false, Reading(Verdict.Hold), Now, TimeSpan.Zero));
        Assert.Equal(AlertAction.Resolve, AlertLifecycle.Decide(acknowledged, false, Reading(Verdict.Clear), Now, TimeSpan.Zero));
    }

    [Fact]
    public void A_clear_threshold_not_below_the_raise_threshold_is_refused_naming_both()
    {
        var options = new AlertOptions { ScaleClear = new ScaleClearShares { Township = Fraction.Of(1, 3) } };
        var error = Assert.Single(options.Validate(Regions));
        Assert.Equal("ScaleClear.Township", error.Field);
        Assert.Contains("Risk:Regions:Township:ScaleShare", error.Message);
    }

    private static AlertReading Reading(Verdict verdict) => new(AlertRule.Scale, Village, Village.Id, "red", verdict, 0.6, 0.5, 0.4, 20);
}
