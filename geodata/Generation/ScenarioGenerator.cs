using RiskMap.Geodata.Boundaries;
using RiskMap.Geodata.Divisions;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Households;

namespace RiskMap.Geodata.Generation;

/// <summary>A generated dataset: schematic units, resettlement sites and households, ready for the bulk loader.</summary>
public sealed record GeodataSet(ScenarioOptions Options, SchematicMap Map, IReadOnlyList<HouseholdGenerator.CountyPopulation> Counties)
{
    public IEnumerable<ResettlementSite> Sites => Counties.SelectMany(c => c.Sites);
    public IEnumerable<Household> Households => Counties.SelectMany(c => c.Households);
    public int HouseholdCount => Counties.Sum(c => c.Households.Count);
    public int SiteCount => Counties.Sum(c => c.Sites.Count);
}

/// <summary>Generates a whole dataset (boundaries, sites, households) for a root unit.</summary>
public static class ScenarioGenerator
{
    public static GeodataSet Generate(DivisionCatalog catalog, ScenarioOptions options)
    {
        options.Validate();
        var map = SchematicBoundaryGenerator.Generate(catalog, options.Root, options.Seed);
        return new GeodataSet(options, map, HouseholdGenerator.Generate(map, options));
    }
}
