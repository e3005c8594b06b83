using RiskMap.Geodata.Domain;
using RiskMap.Server.Ingest;
using RiskMap.Server.Risk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RiskMap.Tests.Risk;

namespace RiskMap.Tests.Ingest;

public sealed class DisasterShockTests
{
    private static readonly DisasterShockOptions Defaults = new();

    // Monitoring line 7,500 (TestHouseholds.Line); four members.
    private static Household Earning(int income) => TestHouseholds.Comfortable() with { IncomePerCapita = income, IncomeLastYear = income };

    [Fact]
    public void A_severe_event_adds_half_a_line_per_member_to_rigid_expenditure_takes_a_fifth_of_income_and_records_its_risk_type()
    {
        var h = Earning(10_000) with { RigidExpenditure = 1_000, RiskTypes = [RiskType.Illness] };

        var shocked = DisasterShock.Apply(h, RiskType.DisasterFlood, EventSeverity.Severe, TestHouseholds.Line, Defaults);

        Assert.Equal(1_000 + 4 * 3_750, shocked.RigidExpenditure);
        Assert.Equal(8_000, shocked.IncomePerCapita);
        Assert.Equal([RiskType.Illness, RiskType.DisasterFlood], shocked.RiskTypes);
        Assert.Equal((h.IncomeLastYear, h.Members, h.HouseholdId), (shocked.IncomeLastYear, shocked.Members, shocked.HouseholdId));
    }

    [Fact]
    public void Severity_scales_the_shock_and_a_minor_event_leaves_income_alone()
    {
        var h = Earning(10_000);

        var minor = DisasterShock.Apply(h, RiskType.DisasterDrought, EventSeverity.Minor, TestHouseholds.Line, Defaults);
        var major = DisasterShock.Apply(h, RiskType.DisasterDrought, EventSeverity.Major, TestHouseholds.Line, Defaults);

        Assert.Equal((3_000, 10_000), (minor.RigidExpenditure, minor.IncomePerCapita));
        Assert.Equal((7_500, 9_000), (major.RigidExpenditure, major.IncomePerCapita));
    }

    [Fact]
    public void The_event_risk_type_is_kept_once_appended_when_there_is_room_and_replaces_the_fifth_otherwise()
    {
        string[] five = [RiskType.Illness, RiskType.Disability, RiskType.Education, RiskType.Accident, RiskType.Other];

        Assert.Equal([RiskType.DisasterFlood], DisasterShock.WithRiskType([RiskType.DisasterFlood], RiskType.DisasterFlood));
        Assert.Equal([.. five[..4], RiskType.DisasterEarthquake], DisasterShock.WithRiskType(five, RiskType.DisasterEarthquake));
        Assert.Equal(five, DisasterShock.WithRiskType(five, RiskType.Other));
    }

    [Fact]
    public void A_severe_event_pushes_a_household_under_one_and_a_half_lines_to_level_two_while_a_minor_one_does_not()
    {
        var h = Earning(11_000); // 1.47 × line: no warning before

        var severe = TestHouseholds.Assess(DisasterShock.Apply(h, RiskType.DisasterFlood, EventSeverity.Severe, TestHouseholds.Line, Defaults));
        var minor = TestHouseholds.Assess(DisasterShock.Apply(h, RiskType.DisasterFlood, EventSeverity.Minor, TestHouseholds.Line, Defaults));

        Assert.Equal(RiskLevel.None, TestHouseholds.Assess(h).Level);
        Assert.True(severe.Level >= RiskLevel.Moderate, $"severe: {severe.Level}");
        Assert.Contains("risk.disaster_flood", TestHouseholds.Keys(severe));
        Assert.True(minor.Level < RiskLevel.Moderate, $"minor: {minor.Level}");
    }

    [Fact]
    public void A_well_off_household_stays_below_level_two_after_a_severe_event()
    {
        var shocked = DisasterShock.Apply(Earning(40_000), RiskType.DisasterFlood, EventSeverity.Severe, TestHouseholds.Line, Defaults);

        Assert.True(TestHouseholds.Assess(shocked).Level < RiskLevel.Moderate);
    }

    [Fact]
    public void Losses_stop_at_the_largest_amount_the_register_accepts()
    {
        var h = Earning(10_000) with { Members = 30, RigidExpenditure = 9_990_000 };

        Assert.Equal(10_000_000, DisasterShock.Apply(h, RiskType.DisasterFlood, EventSeverity.Severe, TestHouseholds.Line, Defaults).RigidExpenditure);
    }

    [Fact]
    public void Default_shock_options_are_valid_and_ones_that_shrink_with_severity_or_take_all_income_are_refused_by_name()
    {
        Assert.Empty(Defaults.Validate());

        var shrinking = new DisasterShockOptions { MajorLoss = Fraction.Of(3, 5) }.Validate();
        var allIncome = new DisasterShockOptions { SevereIncomeDrop = Fraction.Of(1, 1) }.Validate();

        Assert.Contains(shrinking, e => e.StartsWith("losses must not shrink with severity"));
        Assert.Contains(allIncome, e => e.StartsWith("SevereIncomeDrop must be below 1"));
    }

    [Fact]
    public void Configured_shock_magnitudes_that_shrink_with_severity_fail_validation_naming_them()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Ingest:Shock:MajorLoss"] = "3/5" }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(config).AddIngest().BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DisasterShockOptions>>().Value);

        Assert.Contains("MajorLoss 3/5", failure.Message);
    }
}
