using NetTopologySuite.Geometries;
using RiskMap.Geodata.Boundaries;
using RiskMap.Geodata.Divisions;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Generation;

namespace RiskMap.Geodata.Households;

/// <summary>
/// Generates the households and resettlement sites of every county in a schematic map. Each
/// county, village and site draws from its own random stream, so counties run in parallel and
/// the output is the same whatever the scheduling.
/// </summary>
public static class HouseholdGenerator
{
    /// <summary>A county's sites and households (village by village in code order, serials within a village).</summary>
    public sealed record CountyPopulation(UnitCode County, IReadOnlyList<ResettlementSite> Sites, IReadOnlyList<Household> Households);

    public static IReadOnlyList<CountyPopulation> Generate(SchematicMap map, ScenarioOptions options)
    {
        var counties = map.AtLevel(UnitLevel.County).ToList();
        var townshipsByCounty = map.AtLevel(UnitLevel.Township).GroupBy(t => t.Unit.ParentCode!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var villagesByTownship = map.AtLevel(UnitLevel.Village).GroupBy(v => v.Unit.ParentCode!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var result = new CountyPopulation[counties.Count];
        Parallel.For(0, counties.Count, i =>
            result[i] = GenerateCounty(counties[i], townshipsByCounty.GetValueOrDefault(counties[i].Code) ?? [], villagesByTownship, options));
        return result;
    }

    private static CountyPopulation GenerateCounty(UnitBoundary county, List<UnitBoundary> townships,
        Dictionary<UnitCode, List<UnitBoundary>> villagesByTownship, ScenarioOptions options)
    {
        var factory = new HouseholdFactory(options.AsOf, options.MonitoringLine);
        var countyRng = SeededRandom.For(options.Seed, county.Code.Value, 22);
        var villages = townships.SelectMany(t => villagesByTownship.GetValueOrDefault(t.Code) ?? []).ToList();

        // Household counts per village: lognormal around the regional mean (mean-preserving),
        // residents' committees larger than rural villages.
        const double sigma = 0.45;
        var counts = villages.Select(v =>
        {
            var rng = SeededRandom.For(options.Seed, v.Code.Value, 19);
            var mean = HouseholdMagnitudes.HouseholdsPerVillage(v.Code) * options.Scale * (v.Unit.IsUrban ? 1.5 : 0.95);
            return Math.Max(1, (int)Math.Round(rng.LogNormal(mean * Math.Exp(-sigma * sigma / 2), sigma)));
        }).ToArray();
        var relocatedShare = HouseholdMagnitudes.RelocatedShare(county.IsKeyCounty);
        var siteHouseholds = (int)Math.Round(counts.Sum() * relocatedShare * HouseholdMagnitudes.ShareAtSites);
        var scatteredShare = relocatedShare * (1 - HouseholdMagnitudes.ShareAtSites);

        var planned = ResettlementSitePlanner.Plan(county, townships, villagesByTownship, siteHouseholds, options.Scale, countyRng);
        var conditions = villages.ToDictionary(v => v.Code,
            v => VillageConditions.Draw(v.Code, v.Unit.IsUrban, county.IsKeyCounty, SeededRandom.For(options.Seed, v.Code.Value, 18)));

        var households = new List<Household>(counts.Sum() + siteHouseholds);
        var sites = new List<ResettlementSite>(planned.Count);
        for (var i = 0; i < villages.Count; i++)
        {
            var village = villages[i];
            var rng = SeededRandom.For(options.Seed, village.Code.Value, 20);
            var layout = new SettlementLayout(village.Shape!, village.Centre, counts[i], village.Unit.IsUrban, rng);
            var serial = 0;
            for (var h = 0; h < counts[i]; h++)
            {
                var relocated = rng.Chance(scatteredShare);
                households.Add(factory.Create(HouseholdId(village.Code, ++serial), village.Code, layout.NextHome(rng), conditions[village.Code], null, relocated, rng));
            }
            foreach (var site in planned.Where(s => s.Village.Code == village.Code))
            {
                var siteRng = SeededRandom.For(options.Seed, site.SiteId, 21);
                var point = SitePoint(layout, siteRng);
                var start = households.Count;
                // Apartment blocks: a few hundred metres across for the largest sites.
                var spread = Math.Min(250, 5 * Math.Sqrt(site.Households)) / 111_320;
                for (var h = 0; h < site.Households; h++)
                {
                    var home = new Coordinate(point.X + siteRng.Normal() * spread, point.Y + siteRng.Normal() * spread);
                    if (!layout.Contains(home)) home = point;
                    households.Add(factory.Create(HouseholdId(village.Code, ++serial), village.Code, home, conditions[village.Code], site.SiteId, true, siteRng));
                }
                sites.Add(Describe(site, point, households.GetRange(start, households.Count - start), siteRng));
            }
        }
        sites.Sort((a, b) => a.SiteId.CompareTo(b.SiteId));
        return new CountyPopulation(county.Code, sites, households);
    }

    /// <summary>Village code followed by a 4-digit serial (5 digits past 9,999), e.g. 5134311002000001.</summary>
    public static string HouseholdId(UnitCode village, int serial) => village.ToString() + serial.ToString("D4");

    private static Coordinate SitePoint(SettlementLayout layout, SeededRandom rng)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var c = new Coordinate(layout.MainSettlement.X + rng.Normal() * 0.004, layout.MainSettlement.Y + rng.Normal() * 0.004);
            if (layout.Contains(c)) return new Coordinate(Math.Round(c.X, 7), Math.Round(c.Y, 7));
        }
        return layout.MainSettlement.Copy();
    }

    private static ResettlementSite Describe(ResettlementSitePlanner.PlannedSite site, Coordinate point, List<Household> residents, SeededRandom rng)
    {
        var labour = residents.Sum(h => h.Labour);
        // Employment at sites varies widely: county-town sites near industrial parks do better.
        var employedShare = Math.Clamp(rng.Normal(site.InCountyTown ? 0.82 : 0.7, 0.13), 0.25, 0.98);
        var followUp = FollowUpKinds.All.Where((_, i) => i == 0 && site.InCountyTown || rng.Chance(0.45)).ToList();
        var name = site.InCountyTown
            ? $"{DivisionNames.Short(site.Village.Unit.Name)}城镇安置区"
            : $"{DivisionNames.Short(site.Village.Unit.Name)}集中安置点";
        return new ResettlementSite
        {
            SiteId = site.SiteId,
            Name = name,
            CountyCode = site.Village.Code.County,
            VillageCode = site.Village.Code,
            Lon = point.X,
            Lat = point.Y,
            CapacityHouseholds = (int)Math.Ceiling(residents.Count * rng.Uniform(1.0, 1.12)),
            RelocatedHouseholds = residents.Count,
            RelocatedPeople = residents.Sum(h => h.Members),
            LabourForce = labour,
            EmployedLabour = (int)Math.Round(labour * employedShare),
            FollowUp = followUp,
            InCountyTown = site.InCountyTown,
        };
    }
}
