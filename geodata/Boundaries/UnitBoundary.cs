using NetTopologySuite.Geometries;
using RiskMap.Geodata.Divisions;

namespace RiskMap.Geodata.Boundaries;

/// <summary>
/// A unit with its schematic (示意图) boundary. <see cref="Shape"/> is null for ancestors above
/// the generated root (the province row of a prefecture dataset), which are emitted only so
/// every parent code exists. <see cref="Centre"/> is the seat or settlement centre the shape was
/// grown around: the county seat, the township's seat town, the village's main settlement.
/// </summary>
public sealed record UnitBoundary(DivisionUnit Unit, MultiPolygon? Shape, Coordinate? Centre, bool IsKeyCounty)
{
    public Domain.UnitCode Code => Unit.Code;
}

/// <summary>The schematic boundaries of a root unit and all its descendants, parents before children.</summary>
public sealed class SchematicMap
{
    private readonly Dictionary<Domain.UnitCode, UnitBoundary> _byCode;

    public SchematicMap(Domain.UnitCode root, IReadOnlyList<UnitBoundary> units, IReadOnlyList<CountySeat> seats)
    {
        Root = root;
        Units = units;
        Seats = seats;
        _byCode = units.ToDictionary(u => u.Code);
    }

    public Domain.UnitCode Root { get; }

    /// <summary>Ancestors of the root (without shape), the root, then descendants level by level in code order.</summary>
    public IReadOnlyList<UnitBoundary> Units { get; }

    /// <summary>The county seats used, including those the generator placed because county_seats.csv lacks them.</summary>
    public IReadOnlyList<CountySeat> Seats { get; }

    public UnitBoundary this[Domain.UnitCode code] => _byCode[code];

    public bool TryGet(Domain.UnitCode code, out UnitBoundary unit) => _byCode.TryGetValue(code, out unit!);

    public IEnumerable<UnitBoundary> AtLevel(Domain.UnitLevel level) => Units.Where(u => u.Unit.Level == level && u.Shape is not null);
}
