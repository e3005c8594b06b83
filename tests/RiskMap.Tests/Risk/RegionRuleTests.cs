using Xunit;
using RiskMap.Server.Risk;

namespace RiskMap.Tests.Risk;

public class RegionRuleTests
{
    private static readonly RegionRuleOptions Defaults = new();

    private static LevelCounts AtLevelTwo(int households, int atLeastTwo) => new(households, 0, atLeastTwo, 0);

    [Fact]
    public void VillageWithExactlyHalfAtLevelTwo_IsNotScaleReturn()
    {
        Assert.False(ScaleRule.Holds(RegionLevel.Village, AtLevelTwo(12, 6), Defaults));
        Assert.Equal(Zone.Yellow, ZoneRule.Classify(RegionLevel.Village, AtLevelTwo(12, 6), Defaults).Zone);
    }

    [Fact]
    public void VillageOverHalfAtLevelTwo_IsScaleReturnAndRed()
    {
        var verdict = ZoneRule.Classify(RegionLevel.Village, AtLevelTwo(12, 7), Defaults);
        Assert.True(verdict.ScaleReturn);
        Assert.Equal(Zone.Red, verdict.Zone);
        Assert.Equal("red", verdict.ZoneText);
    }

    [Fact]
    public void TownshipWithExactlyOneThird_IsNotScaleReturn() =>
        Assert.False(ScaleRule.Holds(RegionLevel.Township, AtLevelTwo(300, 100), Defaults));

    [Fact]
    public void TownshipOverOneThird_IsScaleReturn() =>
        Assert.True(ScaleRule.Holds(RegionLevel.Township, AtLevelTwo(300, 101), Defaults));

    [Fact]
    public void LevelThreeHouseholds_CountTowardLevelTwoOrAbove()
    {
        var counts = new LevelCounts(12, 3, 2, 5);
        var verdict = ZoneRule.Classify(RegionLevel.Village, counts, Defaults);
        Assert.True(verdict.ScaleReturn);
        Assert.Equal(7.0 / 12, verdict.ShareAtLeastTwo, 9);
        Assert.Equal(5.0 / 12, verdict.ShareThree, 9);
    }

    [Fact]
    public void VillageBelowMinimumHouseholds_IsNeverRed()
    {
        var verdict = ZoneRule.Classify(RegionLevel.Village, AtLevelTwo(9, 9), Defaults);
        Assert.False(verdict.ScaleReturn);
        Assert.Equal(Zone.Yellow, verdict.Zone);
    }

    [Fact]
    public void VillageAtMinimumHouseholds_CanBeRed() =>
        Assert.Equal(Zone.Red, ZoneRule.Classify(RegionLevel.Village, AtLevelTwo(10, 6), Defaults).Zone);

    [Fact]
    public void ConfiguredMinimumHouseholds_MovesTheCutOff()
    {
        var options = new RegionRuleOptions { MinimumHouseholds = 50 };
        Assert.False(ScaleRule.Holds(RegionLevel.Village, AtLevelTwo(49, 40), options));
        Assert.True(ScaleRule.Holds(RegionLevel.Village, AtLevelTwo(50, 40), options));
    }

    [Theory]
    [InlineData(25, Zone.Green)]
    [InlineData(26, Zone.Yellow)]
    [InlineData(50, Zone.Yellow)]
    [InlineData(51, Zone.Red)]
    public void VillageZone_FollowsYellowAndScaleShares(int atLeastTwo, Zone expected) =>
        Assert.Equal(expected, ZoneRule.Classify(RegionLevel.Village, AtLevelTwo(100, atLeastTwo), Defaults).Zone);

    [Fact]
    public void CountyDefaults_AreOneInTenRedAndOneInTwentyYellow()
    {
        Assert.False(ScaleRule.Holds(RegionLevel.County, AtLevelTwo(1000, 100), Defaults));
        Assert.True(ScaleRule.Holds(RegionLevel.County, AtLevelTwo(1000, 101), Defaults));
        Assert.Equal(Zone.Yellow, ZoneRule.Classify(RegionLevel.County, AtLevelTwo(1000, 51), Defaults).Zone);
        Assert.Equal(Zone.Green, ZoneRule.Classify(RegionLevel.County, AtLevelTwo(1000, 50), Defaults).Zone);
    }

    [Fact]
    public void ConfiguredCountyThreshold_ReplacesTheDefault()
    {
        var options = new RegionRuleOptions();
        options.County.ScaleShare = Fraction.Of(3, 100);
        options.County.YellowShare = Fraction.Of(2, 100);
        Assert.False(ScaleRule.Holds(RegionLevel.County, AtLevelTwo(1000, 30), options));
        Assert.True(ScaleRule.Holds(RegionLevel.County, AtLevelTwo(1000, 31), options));
    }

    [Theory]
    [InlineData(RegionLevel.Prefecture, 10000, 1001)]
    [InlineData(RegionLevel.Province, 100000, 10001)]
    [InlineData(RegionLevel.Site, 40, 21)]
    [InlineData(RegionLevel.Region, 30, 11)]
    public void EveryLevel_HasItsOwnScaleShare(RegionLevel level, int households, int justOver)
    {
        Assert.True(ScaleRule.Holds(level, AtLevelTwo(households, justOver), Defaults));
        Assert.False(ScaleRule.Holds(level, AtLevelTwo(households, justOver - 1), Defaults));
    }

    [Fact]
    public void EmptyRegion_IsGreenWithZeroShares()
    {
        var verdict = ZoneRule.Classify(RegionLevel.Township, new LevelCounts(0, 0, 0, 0), Defaults);
        Assert.Equal(new RegionVerdict(0, 0, false, Zone.Green), verdict);
    }

    [Fact]
    public void MoreWarnedThanHouseholds_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ScaleRule.Holds(RegionLevel.Village, new LevelCounts(5, 2, 2, 2), Defaults));

    [Fact]
    public void AdministrativeLevels_MapToRegionLevels()
    {
        Assert.Equal(RegionLevel.Village, RegionRuleOptions.LevelOf(RiskMap.Geodata.Domain.UnitLevel.Village));
        Assert.Equal(RegionLevel.Province, RegionRuleOptions.LevelOf(RiskMap.Geodata.Domain.UnitLevel.Province));
    }
}
