using RiskMap.Server.Alerts;
using RiskMap.Server.Risk;

namespace RiskMap.Tests.Live;

public sealed class AlertRuleSetTests
{
    private static readonly RegionRuleOptions Regions = new();

    [Fact]
    public void A_change_sets_the_rules_it_names_and_keeps_every_other()
    {
        var current = new AlertOptions { MinimumHouseholds = 10, EscalateAfter = TimeSpan.FromDays(1), ClockInterval = TimeSpan.FromSeconds(3) };

        var (next, errors) = AlertRuleSet.Apply(current, new AlertRulesChange(MinimumHouseholds: 25, ScaleClear: new ScaleClearChange(null, "20%", null, null, null, null)), Regions);

        Assert.Empty(errors);
        Assert.Equal(25, next!.MinimumHouseholds);
        Assert.Equal(Fraction.Of(1, 5), next.ScaleClear.Township);
        Assert.Equal(Fraction.Of(2, 5), next.ScaleClear.Village);
        Assert.Equal(TimeSpan.FromDays(1), next.EscalateAfter);
        Assert.Equal(TimeSpan.FromSeconds(3), next.ClockInterval);
        Assert.Equal(10, current.MinimumHouseholds); // the rules in force are not touched
        Assert.Equal(Fraction.Of(1, 4), current.ScaleClear.Township);
    }

    [Theory]
    [InlineData("00:00:30", 30)]
    [InlineData("15.00:00:00", 15 * 86400)]
    [InlineData("PT5M", 300)]
    [InlineData("P15D", 15 * 86400)]
    public void Periods_are_read_as_configuration_writes_them_or_in_ISO_8601(string text, int seconds)
    {
        var (next, errors) = AlertRuleSet.Apply(new AlertOptions(), new AlertRulesChange(PendingPeriod: text), Regions);

        Assert.Empty(errors);
        Assert.Equal(TimeSpan.FromSeconds(seconds), next!.PendingPeriod);
    }

    [Theory]
    [InlineData("five minutes", "pendingPeriod", "is a period")]
    [InlineData("-00:01:00", "pendingPeriod", "must be 0 to 366 days")]
    [InlineData("400.00:00:00", "pendingPeriod", "must be 0 to 366 days")]
    public void A_bad_period_is_refused_naming_the_field_as_the_API_spells_it(string text, string field, string message)
    {
        var (next, errors) = AlertRuleSet.Apply(new AlertOptions(), new AlertRulesChange(PendingPeriod: text), Regions);

        Assert.Null(next);
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_clear_threshold_at_its_raise_threshold_or_an_unreadable_share_is_refused_with_every_error()
    {
        var (next, errors) = AlertRuleSet.Apply(new AlertOptions(),
            new AlertRulesChange(ScaleClear: new ScaleClearChange("1/2", null, null, null, null, "half"), MinimumHouseholds: 0), Regions);

        Assert.Null(next);
        Assert.Equal(["scaleClear.site"], errors.Select(e => e.Field)); // unreadable: reported before the rules are judged
        (next, errors) = AlertRuleSet.Apply(new AlertOptions(), new AlertRulesChange(ScaleClear: new ScaleClearChange("1/2", null, null, null, null, null), MinimumHouseholds: 0), Regions);
        Assert.Null(next);
        Assert.Equal(["minimumHouseholds", "scaleClear.village"], errors.Select(e => e.Field));
        Assert.Contains("Risk:Regions:Village:ScaleShare (1/2)", errors[1].Message);
    }

    [Fact]
    public void The_written_rules_read_back_to_the_same_rules()
    {
        var rules = new AlertOptions
        {
            PendingPeriod = TimeSpan.FromSeconds(45), EscalateAfter = TimeSpan.FromHours(6), MinimumHouseholds = 12, MinimumLabour = 8,
            ScaleClear = new ScaleClearShares { Village = Fraction.Of(9, 20), County = Fraction.Of(1, 20) },
            EmploymentFloor = Fraction.Of(1, 2), EmploymentClear = Fraction.Of(3, 5), HouseholdAlerts = false,
        };

        var (read, errors) = AlertRuleSet.FromDto(AlertRuleSet.ToDto(rules), new AlertOptions(), Regions);

        Assert.Empty(errors);
        Assert.Equal(AlertRuleSet.ToDto(rules), AlertRuleSet.ToDto(read!));
        Assert.Equal("00:00:45", AlertRuleSet.ToDto(rules).PendingPeriod);
        Assert.Equal("9/20", AlertRuleSet.ToDto(rules).ScaleClear.Village);
    }
}
