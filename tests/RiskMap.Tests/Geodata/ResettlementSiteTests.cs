using Xunit;
using NetTopologySuite.Geometries;
using RiskMap.Geodata.Households;

namespace RiskMap.Tests.Geodata;

/// <summary>Sites against Liangshan's figures: 1,492 central sites, 54,800 households, mean about 37, tail to about 3,000.</summary>
[Collection(LiangshanCollection.Name)]
public sealed class ResettlementSiteTests(LiangshanFixture liangshan)
{
    private readonly List<ResettlementSite> _sites = liangshan.Sites.ToList();

    [Fact]
    public void Liangshan_HasAboutFifteenHundredSites_OfAboutThirtySevenHouseholds()
    {
        Assert.InRange(_sites.Count, 1_300, 1_700);
        Assert.InRange(_sites.Average(s => s.RelocatedHouseholds), 30, 45);
        Assert.InRange(_sites.Sum(s => s.RelocatedHouseholds), 48_000, 62_000);
    }

    [Fact]
    public void LargestSites_AreInCountyTowns_WithAHeavyTail()
    {
        var largest = _sites.MaxBy(s => s.RelocatedHouseholds)!;
        var median = _sites.Select(s => s.RelocatedHouseholds).Order().ElementAt(_sites.Count / 2);

        Assert.InRange(largest.RelocatedHouseholds, 1_000, 3_000);
        Assert.True(largest.InCountyTown);
        Assert.True(median < 37, $"median {median} is not below the mean: no heavy tail");
    }

    [Fact]
    public void EmployedLabourShares_Vary_AndNeverExceedTheLabourForce()
    {
        var shares = _sites.Where(s => s.LabourForce >= 20).Select(s => s.EmployedLabour / (double)s.LabourForce).ToList();

        Assert.All(_sites, s => Assert.InRange(s.EmployedLabour, 0, s.LabourForce));
        Assert.True(shares.Max() - shares.Min() > 0.3, "employment shares barely vary");
        Assert.All(_sites, s => Assert.True(s.CapacityHouseholds >= s.RelocatedHouseholds));
    }

    [Fact]
    public void SiteHouseholds_LiveAtTheirSite_InsideTheSiteVillage()
    {
        var byId = _sites.ToDictionary(s => s.SiteId);
        var residents = liangshan.Households.Where(h => h.SiteId is not null).ToList();

        Assert.All(residents, h => Assert.True(h.Relocated));
        Assert.All(residents.GroupBy(h => h.SiteId!.Value), g =>
        {
            var site = byId[g.Key];
            Assert.Equal(site.RelocatedHouseholds, g.Count());
            Assert.Equal(site.RelocatedPeople, g.Sum(h => h.Members));
            Assert.All(g, h => Assert.Equal(site.VillageCode, h.VillageCode));
        });
        Assert.All(_sites, s => Assert.True(liangshan.Map[s.VillageCode].Shape!.Contains(new Point(s.Lon, s.Lat)), $"site {s.SiteId} outside its village"));
    }
}
