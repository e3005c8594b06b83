using NetTopologySuite.Geometries;
using RiskMap.Geodata.Divisions;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Generation;

namespace RiskMap.Geodata.Boundaries;

public static partial class SchematicBoundaryGenerator
{
    // Fine points per child: enough for irregular borders, few enough for Sichuan in seconds.
    private const int FinePointsPerTownship = 30;
    private const int FinePointsPerVillage = 24;

    /// <summary>A county's townships and their villages.</summary>
    private static List<UnitBoundary> Descendants(DivisionCatalog catalog, DivisionUnit county, Geometry countyShape, Coordinate seat, ulong seed)
    {
        var result = new List<UnitBoundary>();
        var isKey = catalog.IsKeyCounty(county.Code);
        var townships = catalog.ChildrenOf(county.Code);
        if (townships.Count == 0) return result;

        var rng = SeededRandom.For(seed, county.Code.Value, 2);
        var placement = new SeedPlacement(countyShape, rng);
        // Sub-districts crowd round the seat; in an urban district (all 街道) they fill it.
        var urbanRadius = Math.Max(0.12, townships.Count(t => t.IsUrban) / (double)townships.Count) * placement.Radius;
        var seatTownship = SeatUnitIndex(townships);
        var centres = new Coordinate[townships.Count];
        centres[seatTownship] = placement.PlaceAt(seat);
        for (var i = 0; i < townships.Count; i++)
        {
            if (i != seatTownship && townships[i].IsUrban) centres[i] = placement.PlaceNear(seat, urbanRadius);
        }
        for (var i = 0; i < townships.Count; i++) centres[i] ??= placement.PlaceSpread();

        var shares = townships.Select((t, i) =>
        {
            var villages = Math.Max(1, catalog.ChildrenOf(t.Code).Count);
            // Sub-districts are small and dense; the seat town a little smaller than rural townships.
            var kind = t.IsUrban ? 0.12 : i == seatTownship ? 0.6 : 1.0;
            return Math.Pow(villages, 0.8) * kind * rng.LogNormal(1, 0.25);
        }).ToArray();
        var shapes = PlanarPartition.Split(countyShape, centres, shares, FinePointsPerTownship,
            SeededRandom.For(seed, county.Code.Value, 1), Factory);

        for (var i = 0; i < townships.Count; i++)
        {
            result.Add(new UnitBoundary(townships[i], AsMulti(shapes[i]), centres[i], isKey));
            result.AddRange(Villages(catalog, townships[i], shapes[i], centres[i], isKey, seed));
        }
        return result;
    }

    private static IEnumerable<UnitBoundary> Villages(DivisionCatalog catalog, DivisionUnit township, Geometry shape, Coordinate centre, bool isKey, ulong seed)
    {
        var villages = catalog.ChildrenOf(township.Code);
        if (villages.Count == 0) return [];
        var rng = SeededRandom.For(seed, township.Code.Value, 2);
        var placement = new SeedPlacement(shape, rng);
        var urbanRadius = Math.Max(0.18, villages.Count(v => v.IsUrban) / (double)villages.Count) * placement.Radius;
        var first = SeatUnitIndex(villages);
        var centres = new Coordinate[villages.Count];
        centres[first] = placement.PlaceAt(centre);
        for (var i = 0; i < villages.Count; i++)
        {
            if (i != first && villages[i].IsUrban) centres[i] = placement.PlaceNear(centre, urbanRadius);
        }
        for (var i = 0; i < villages.Count; i++) centres[i] ??= placement.PlaceSpread();

        // Residents' committees (社区) cover the built-up core: a fraction of a rural village.
        var shares = villages.Select(v => (v.IsUrban ? 0.25 : 1.0) * rng.LogNormal(1, 0.35)).ToArray();
        var shapes = PlanarPartition.Split(shape, centres, shares, FinePointsPerVillage,
            SeededRandom.For(seed, township.Code.Value, 1), Factory);
        return villages.Select((v, i) => new UnitBoundary(v, AsMulti(shapes[i]), centres[i], isKey));
    }

    /// <summary>The unit that holds the parent's seat: the first urban unit, else the first town (镇, codes 100–199), else the first.</summary>
    private static int SeatUnitIndex(IReadOnlyList<DivisionUnit> units)
    {
        for (var i = 0; i < units.Count; i++) if (units[i].IsUrban) return i;
        for (var i = 0; i < units.Count; i++)
        {
            var segment = units[i].Level == UnitLevel.Township ? units[i].Code.Value % 1_000_000 / 1_000 : units[i].Code.Value % 1_000;
            if (segment is >= 100 and < 200) return i;
        }
        return 0;
    }
}
