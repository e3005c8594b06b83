using Xunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RiskMap.Server.Risk;

namespace RiskMap.Tests.Risk;

public class OptionsValidationTests
{
    [Fact]
    public void DefaultRiskOptions_AreValid() => Assert.Empty(new RiskModelOptions().Validate());

    [Fact]
    public void DefaultRegionOptions_AreValid() => Assert.Empty(new RegionRuleOptions().Validate());

    [Fact]
    public void WeightsNotSummingToOne_AreRejected()
    {
        var errors = new RiskModelOptions { HumanWeight = 0.35 }.Validate();
        Assert.Contains(errors, e => e.Contains("sum to 1"));
    }

    [Fact]
    public void NegativeWeight_IsRejectedByName()
    {
        var errors = new RiskModelOptions { NaturalWeight = -0.15, HumanWeight = 0.55 }.Validate();
        Assert.Contains(errors, e => e.StartsWith("NaturalWeight must be a non-negative number"));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(15.5)]
    [InlineData(-3.0)]
    public void DeadlineThatIsNotWholePositiveDays_IsRejected(double days)
    {
        var errors = new RiskModelOptions { UnassistedDeadline = TimeSpan.FromDays(days) }.Validate();
        Assert.Contains(errors, e => e.StartsWith("UnassistedDeadline must be a whole number of days"));
    }

    [Fact]
    public void ScoreThresholdsOutOfOrder_AreRejected()
    {
        var errors = new RiskModelOptions { ModerateFromScore = 60 }.Validate();
        Assert.Contains(errors, e => e.StartsWith("score thresholds must satisfy"));
    }

    [Fact]
    public void CollapseShareOfOneOrMore_IsRejected()
    {
        var errors = new RiskModelOptions { IncomeCollapseShare = Fraction.Of(1, 1) }.Validate();
        Assert.Contains(errors, e => e.StartsWith("IncomeCollapseShare must be below 1"));
    }

    [Fact]
    public void ZeroOrInvalidFractions_AreRejected()
    {
        var errors = new RiskModelOptions { RigidExpenditureShare = Fraction.Of(0, 1), IncomeCollapseShare = default }.Validate();
        Assert.Contains(errors, e => e.StartsWith("RigidExpenditureShare must be above 0"));
        Assert.Contains(errors, e => e.StartsWith("IncomeCollapseShare must be a non-negative fraction"));
    }

    [Fact]
    public void OtherRiskOptionsOutOfRange_AreEachReported()
    {
        var errors = new RiskModelOptions
        {
            MaxReasons = 9, EscalateAtTriggerGroups = 1, MonitorFromLevel = RiskLevel.None,
            FullLabourShare = 0, ComfortableIncomeMultiple = 1, RelocatedCapacity = 2, NearLineMultiple = Fraction.Of(1, 2),
        }.Validate();
        foreach (var name in new[] { "MaxReasons", "EscalateAtTriggerGroups", "MonitorFromLevel", "FullLabourShare", "ComfortableIncomeMultiple", "RelocatedCapacity", "NearLineMultiple" })
            Assert.Contains(errors, e => e.StartsWith(name));
    }

    [Fact]
    public void RiskValidator_FailsWithTheErrors()
    {
        var result = new RiskModelOptionsValidator().Validate(null, new RiskModelOptions { SocialWeight = 0.5 });
        Assert.True(result.Failed);
        Assert.Contains("sum to 1", result.FailureMessage);
    }

    [Fact]
    public void YellowShareNotBelowScaleShare_IsRejected()
    {
        var options = new RegionRuleOptions();
        options.County.YellowShare = Fraction.Of(1, 10);
        Assert.Contains(options.Validate(), e => e.StartsWith("County.YellowShare (1/10) must be below ScaleShare"));
    }

    [Fact]
    public void MinimumHouseholdsBelowOne_IsRejected()
    {
        var errors = new RegionRuleOptions { MinimumHouseholds = 0 }.Validate();
        Assert.Contains(errors, e => e.StartsWith("MinimumHouseholds must be at least 1"));
        Assert.True(new RegionRuleOptionsValidator().Validate(null, new RegionRuleOptions { MinimumHouseholds = 0 }).Failed);
    }

    [Fact]
    public void Configuration_BindsFractionsAndDurations()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Risk:Model:UnassistedDeadline"] = "20.00:00:00",
            ["Risk:Model:IncomeCollapseShare"] = "40%",
            ["Risk:Regions:County:ScaleShare"] = "1/20",
            ["Risk:Regions:County:YellowShare"] = "0.03",
        }).Build();
        var model = config.GetSection(RiskModelOptions.Section).Get<RiskModelOptions>()!;
        var regions = config.GetSection(RegionRuleOptions.Section).Get<RegionRuleOptions>()!;
        Assert.Equal(TimeSpan.FromDays(20), model.UnassistedDeadline);
        Assert.Equal(Fraction.Of(2, 5), model.IncomeCollapseShare);
        Assert.Equal(Fraction.Of(1, 20), regions.County.ScaleShare);
        Assert.Equal(Fraction.Of(3, 100), regions.County.YellowShare);
        Assert.Equal(Fraction.Of(1, 3), regions.Township.ScaleShare);
        Assert.Empty(model.Validate());
        Assert.Empty(regions.Validate());
    }
}

public class RiskRulesRegistrationTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(config).AddRiskRules().BuildServiceProvider();
    }

    [Fact]
    public void ConfiguredValues_ReachTheOptions()
    {
        using var services = Services(new() { ["Risk:Regions:MinimumHouseholds"] = "25", ["Risk:Model:UnassistedDeadline"] = "10.00:00:00" });
        Assert.Equal(25, services.GetRequiredService<IOptions<RegionRuleOptions>>().Value.MinimumHouseholds);
        Assert.Equal(TimeSpan.FromDays(10), services.GetRequiredService<IOptions<RiskModelOptions>>().Value.UnassistedDeadline);
    }

    [Fact]
    public void InvalidConfiguration_FailsWithTheOptionName()
    {
        using var services = Services(new() { ["Risk:Model:HumanWeight"] = "0.9" });
        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RiskModelOptions>>().Value);
        Assert.Contains("sum to 1", e.Message);
    }
}
