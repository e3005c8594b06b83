using Xunit;
using RiskMap.Geodata.Divisions;
using RiskMap.Geodata.Domain;

namespace RiskMap.Tests.Geodata;

public sealed class DivisionCatalogTests
{
    private static readonly DivisionCatalog Catalog = DivisionCatalog.Load();

    [Theory]
    [InlineData("513400000000", 17, 304, 2_377)]
    [InlineData("510000000000", 183, 3_111, 34_412)]
    [InlineData("520000000000", 88, 1_510, 17_964)]
    public void Subtree_HasTheUnitCountsOfTheDivisionFiles(string root, int counties, int townships, int villages)
    {
        var units = Catalog.Subtree(UnitCode.Parse(root)).ToList();

        Assert.Equal(counties, units.Count(u => u.Level == UnitLevel.County));
        Assert.Equal(townships, units.Count(u => u.Level == UnitLevel.Township));
        Assert.Equal(villages, units.Count(u => u.Level == UnitLevel.Village));
    }

    [Fact]
    public void Subtree_ListsParentsBeforeChildren()
    {
        var seen = new HashSet<UnitCode>();
        foreach (var unit in Catalog.Subtree(new UnitCode(513431000000)))
        {
            if (seen.Count > 0) Assert.Contains(unit.ParentCode!.Value, seen);
            seen.Add(unit.Code);
        }
    }

    [Fact]
    public void KeyCounties_AreTheTenOfLiangshan()
    {
        var key = Catalog.ChildrenOf(new UnitCode(513400000000)).Where(c => Catalog.IsKeyCounty(c.Code)).Select(c => c.Name).ToList();

        Assert.Equal(10, key.Count);
        Assert.Contains("昭觉县", key);
        Assert.DoesNotContain("西昌市", key);
        Assert.True(Catalog.IsKeyCounty(new UnitCode(513431100001)), "a village inherits its county's key status");
    }

    [Fact]
    public void UrbanUnits_AreRecognisedByCodeAndName()
    {
        Assert.True(Catalog.Get(new UnitCode(513401001000)).IsUrban);   // 北城街道
        Assert.False(Catalog.Get(new UnitCode(513431205000)).IsUrban);  // 美甘乡
        Assert.True(Catalog.Get(new UnitCode(513431100001)).IsUrban);   // 城南社区居民委员会
        Assert.False(Catalog.Get(new UnitCode(513431100200)).IsUrban);  // 俄尔古取村村民委员会
    }

    [Fact]
    public void SeatOf_ReturnsTheGazetteerSeat_AndNullWhereTheFileHasNone()
    {
        var xichang = Catalog.SeatOf(new UnitCode(513401000000));

        Assert.NotNull(xichang);
        Assert.InRange(xichang.Lat, 27.8, 28.0);
        Assert.Null(Catalog.SeatOf(new UnitCode(510129000000))); // 大邑县 has no redistributable record
    }
}
