using Xunit;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Generation;
using RiskMap.Geodata.Households;

namespace RiskMap.Tests.Geodata;

/// <summary>Liangshan at scale 1.0 against the magnitudes in shared/docs/domain.md.</summary>
[Collection(LiangshanCollection.Name)]
public sealed class HouseholdDistributionTests(LiangshanFixture liangshan)
{
    private readonly List<Household> _households = liangshan.Households.ToList();
    private readonly int _line = liangshan.FullScale.MonitoringLine;

    [Fact]
    public void Liangshan_AtFullScale_HasAboutOnePointFourMillionHouseholds()
    {
        Assert.InRange(_households.Count, 1_300_000, 1_550_000);
    }

    [Fact]
    public void DemoScale_HasAQuarterOfTheHouseholds()
    {
        var demo = HouseholdGenerator.Generate(liangshan.Map, liangshan.FullScale with { Scale = 0.25 }).Sum(c => c.Households.Count);

        Assert.InRange(demo, 0.23 * _households.Count, 0.27 * _households.Count);
    }

    [Fact]
    public void Members_AverageAboutThreePointTwoFive()
    {
        Assert.InRange(_households.Average(h => h.Members), 3.1, 3.45);
        Assert.All(_households.Take(10_000), h => Assert.InRange(h.Labour, 0, h.Members));
    }

    [Fact]
    public void IncomeBelowTheMonitoringLine_IsAThinTail()
    {
        var below = _households.Count(h => h.IncomePerCapita < _line) / (double)_households.Count;
        var median = _households.Select(h => h.IncomePerCapita).Order().ElementAt(_households.Count / 2);

        Assert.InRange(below, 0.01, 0.08);
        Assert.InRange(median, 1.5 * _line, 2.5 * _line);
        Assert.All(_households.Take(10_000), h =>
            Assert.Equal(h.IncomePerCapita, h.WageIncome + h.BusinessIncome + h.PropertyIncome + h.TransferIncome));
    }

    [Fact]
    public void SomeIncomes_DroppedSharplySinceLastYear()
    {
        var dropped = _households.Count(h => h.IncomeLastYear > h.IncomePerCapita / 0.75) / (double)_households.Count;

        // Calibrated to about 1.5% (a shock is a hard trigger; more would paint every county red),
        // concentrated in villages a disaster reached this year.
        Assert.InRange(dropped, 0.008, 0.04);
    }

    [Fact]
    public void FormerlyPoorShare_IsHigherInKeyAssistanceCounties()
    {
        double Share(bool key) => _households.Where(h => liangshan.Catalog.IsKeyCounty(h.VillageCode) == key).Average(h => h.FormerlyPoor ? 1.0 : 0.0);

        Assert.True(Share(true) > 2 * Share(false), $"key {Share(true):P1} vs other {Share(false):P1}");
    }

    [Fact]
    public void RiskTypesAndGuarantees_OccurAtBelievableRates()
    {
        double Rate(Func<Household, bool> p) => _households.Count(p) / (double)_households.Count;

        Assert.InRange(Rate(h => h.RiskTypes.Contains(RiskType.Illness)), 0.03, 0.10);
        Assert.InRange(Rate(h => h.RiskTypes.Any(RiskType.IsDisaster)), 0.0005, 0.03);
        Assert.InRange(Rate(h => h.HousingUnsafe), 0.0005, 0.01);
        Assert.InRange(Rate(h => h.WaterUnsafe), 0.0005, 0.01);
        Assert.InRange(Rate(h => h.Monitoring == MonitoringStatus.Monitored), 0.03, 0.15);
        Assert.All(_households, h => Assert.True(h.RiskTypes.Count <= RiskType.MaxPerHousehold && h.RiskTypes.All(RiskType.IsKnown)));
    }

    [Fact]
    public void Dates_FallBeforeTheAsOfDay_AndInOrder()
    {
        var asOf = liangshan.FullScale.AsOf;
        Assert.All(_households, h =>
        {
            Assert.Equal(h.Monitoring != MonitoringStatus.NotMonitored, h.MonitoredSince is not null);
            Assert.Equal(h.Monitoring == MonitoringStatus.RiskEliminated, h.RiskEliminatedOn is not null);
            Assert.True(h.MonitoredSince is null || h.MonitoredSince <= asOf);
            Assert.True(h.RiskEliminatedOn is null || (h.RiskEliminatedOn >= h.MonitoredSince && h.RiskEliminatedOn <= asOf));
            Assert.True(h.LastVisitOn is null || h.LastVisitOn <= asOf);
            Assert.All(h.Assistance, a => Assert.True(a.StartedOn <= asOf && AssistanceKind.IsKnown(a.Kind)));
        });
    }

    [Fact]
    public void HouseholdIds_AreUniqueAndStartWithTheirVillageCode()
    {
        Assert.Equal(_households.Count, _households.Select(h => h.HouseholdId).Distinct().Count());
        Assert.All(_households.Take(50_000), h => Assert.StartsWith(h.VillageCode.ToString(), h.HouseholdId));
    }

    [Fact]
    public void Households_LiveInsideTheirVillage_InSettlementsNotUniformNoise()
    {
        var county = liangshan.FullPopulation.First(c => c.County == new UnitCode(513431000000));
        foreach (var village in county.Households.GroupBy(h => h.VillageCode).Take(40))
        {
            var shape = liangshan.Map[village.Key].Shape!;
            var locator = new IndexedPointInAreaLocator(shape);
            Assert.All(village, h => Assert.NotEqual(Location.Exterior, locator.Locate(new Coordinate(h.Lon, h.Lat))));

            // Clark–Evans ratio: mean nearest-neighbour distance over its value for uniformly
            // random points (0.5·√(area/n)); about 1 for noise, well below for settlements.
            var cosLat = Math.Cos(shape.Centroid.Y * Math.PI / 180);
            var points = village.Take(400).Select(h => (X: h.Lon * cosLat, Y: h.Lat)).ToList();
            var meanNearest = points.Average(p => points.Where(q => q != p).Min(q => Math.Sqrt((p.X - q.X) * (p.X - q.X) + (p.Y - q.Y) * (p.Y - q.Y))));
            var uniformNearest = 0.5 * Math.Sqrt(shape.Area * cosLat / points.Count);
            // A residents' committee is one built-up area, evenly filled; rural villages are hamlets.
            if (liangshan.Catalog.Get(village.Key).IsUrban) continue;
            Assert.True(meanNearest < 0.6 * uniformNearest, $"{village.Key}: nearest-neighbour ratio {meanNearest / uniformNearest:F2}, like uniform noise");
        }
    }
}
