using RiskMap.Geodata.Divisions;
using RiskMap.Geodata.Domain;

namespace RiskMap.Tests.Geodata;

public sealed class DivisionNamesTests
{
    [Theory]
    [InlineData("特口甲谷村村民委员会", "特口甲谷村")]
    [InlineData("王家村民委员会", "王家村")]
    [InlineData("永寿社区村民委员会", "永寿社区")]
    [InlineData("百花社区居民委员会", "百花社区")]
    [InlineData("上坝街居民委员会", "上坝街社区")]
    [InlineData("和平社区委员会", "和平社区")]
    [InlineData("马村村村民委员会", "马村村")]
    [InlineData("昭觉县", "昭觉县")]
    [InlineData("竹核乡", "竹核乡")]
    [InlineData("村民委员会", "村民委员会")]
    public void AVillageIsNamedByItsPlace_NotItsCommittee(string official, string shown) =>
        Assert.Equal(shown, DivisionNames.Short(official));

    [Fact]
    public void EveryVillageOfTheReferenceData_HasAShortNameWithoutTheCommittee()
    {
        var catalog = DivisionCatalog.Load();
        var villages = catalog.Subtree(new UnitCode(510000000000)).Concat(catalog.Subtree(new UnitCode(520000000000)))
            .Where(u => u.Level == UnitLevel.Village).ToList();

        Assert.True(villages.Count > 30_000);
        Assert.All(villages, v =>
        {
            var shown = DivisionNames.Short(v.Name);
            Assert.DoesNotContain("委员会", shown);
            Assert.True(shown.Length >= 2, v.Name);
        });
    }
}
