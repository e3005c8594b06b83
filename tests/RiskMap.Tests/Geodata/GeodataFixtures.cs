using Xunit;
using RiskMap.Geodata.Boundaries;
using RiskMap.Geodata.Divisions;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Generation;
using RiskMap.Geodata.Households;

namespace RiskMap.Tests.Geodata;

/// <summary>
/// Liangshan generated once for the geodata tests that need the whole prefecture (boundaries
/// take a few seconds); tests that need less use a single county.
/// </summary>
public sealed class LiangshanFixture
{
    public static readonly UnitCode Liangshan = new(513400000000);
    public const ulong Seed = 7;

    public LiangshanFixture()
    {
        Catalog = DivisionCatalog.Load();
        Map = SchematicBoundaryGenerator.Generate(Catalog, Liangshan, Seed);
        FullScale = new ScenarioOptions { Root = Liangshan, Seed = Seed, Scale = 1.0 };
        FullPopulation = HouseholdGenerator.Generate(Map, FullScale);
    }

    public DivisionCatalog Catalog { get; }
    public SchematicMap Map { get; }
    public ScenarioOptions FullScale { get; }
    public IReadOnlyList<HouseholdGenerator.CountyPopulation> FullPopulation { get; }

    public IEnumerable<Household> Households => FullPopulation.SelectMany(c => c.Households);
    public IEnumerable<ResettlementSite> Sites => FullPopulation.SelectMany(c => c.Sites);
}

[CollectionDefinition(Name)]
public sealed class LiangshanCollection : ICollectionFixture<LiangshanFixture>
{
    public const string Name = "Liangshan";
}
