using RiskMap.Geodata.Domain;

namespace RiskMap.Geodata.Divisions;

/// <summary>
/// The division codes, county seats and key assistance counties from shared/data, indexed for
/// selection by code. Children are kept in code order so everything derived from the catalog
/// is deterministic.
/// </summary>
public sealed class DivisionCatalog
{
    private readonly Dictionary<UnitCode, DivisionUnit> _units;
    private readonly Dictionary<UnitCode, List<DivisionUnit>> _children;
    private readonly Dictionary<UnitCode, CountySeat> _seats;
    private readonly HashSet<UnitCode> _keyCounties;

    private DivisionCatalog(IEnumerable<DivisionUnit> units, IEnumerable<CountySeat> seats, IEnumerable<UnitCode> keyCounties)
    {
        _units = [];
        foreach (var unit in units)
        {
            if (!_units.TryAdd(unit.Code, unit))
                throw new InvalidDataException($"division code {unit.Code} appears twice");
        }
        _children = [];
        foreach (var unit in _units.Values.Where(u => u.ParentCode is not null).OrderBy(u => u.Code))
        {
            var parent = unit.ParentCode!.Value;
            if (!_children.TryGetValue(parent, out var list)) _children[parent] = list = [];
            list.Add(unit);
        }
        _seats = seats.ToDictionary(s => s.County);
        _keyCounties = [.. keyCounties];
    }

    /// <summary>Loads every <c>divisions/*.csv</c>, <c>county_seats.csv</c> and <c>key_counties_sichuan_guizhou.csv</c>.</summary>
    /// <param name="dataDirectory">The shared/data folder; found with <see cref="SharedDataDirectory.Find"/> when null.</param>
    public static DivisionCatalog Load(string? dataDirectory = null)
    {
        var dir = dataDirectory ?? SharedDataDirectory.Find();
        var units = Directory.GetFiles(Path.Combine(dir, "divisions"), "*.csv")
            .Order(StringComparer.Ordinal)
            .SelectMany(DivisionCsv.ReadRecords)
            .Select(r => new DivisionUnit(
                UnitCode.Parse(r["code"]),
                ParseLevel(r["level"]),
                r["name"],
                r["parent_code"].Length == 0 ? null : UnitCode.Parse(r["parent_code"])));
        var seats = DivisionCsv.ReadRecords(Path.Combine(dir, "county_seats.csv"))
            .Select(r => new CountySeat(
                UnitCode.Parse(r["code6"]),
                double.Parse(r["lon"], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(r["lat"], System.Globalization.CultureInfo.InvariantCulture),
                r["method"]));
        var keys = DivisionCsv.ReadRecords(Path.Combine(dir, "key_counties_sichuan_guizhou.csv"))
            .Select(r => UnitCode.Parse(r["code6"]));
        return new DivisionCatalog(units, seats, keys);
    }

    /// <summary>Builds a catalog from rows already in memory (tests, importers).</summary>
    public static DivisionCatalog FromRows(IEnumerable<DivisionUnit> units, IEnumerable<CountySeat> seats, IEnumerable<UnitCode> keyCounties) =>
        new(units, seats, keyCounties);

    private static UnitLevel ParseLevel(string level) => level switch
    {
        "province" => UnitLevel.Province,
        "prefecture" => UnitLevel.Prefecture,
        "county" => UnitLevel.County,
        "township" => UnitLevel.Township,
        "village" => UnitLevel.Village,
        _ => throw new InvalidDataException($"unknown division level '{level}'"),
    };

    public int Count => _units.Count;

    public DivisionUnit Get(UnitCode code) =>
        _units.TryGetValue(code, out var unit) ? unit : throw new KeyNotFoundException($"division code {code} is not in the catalog");

    public bool Contains(UnitCode code) => _units.ContainsKey(code);

    /// <summary>Direct children in code order.</summary>
    public IReadOnlyList<DivisionUnit> ChildrenOf(UnitCode code) =>
        _children.TryGetValue(code, out var list) ? list : [];

    /// <summary>The unit and all its descendants, parents before children, siblings in code order.</summary>
    public IEnumerable<DivisionUnit> Subtree(UnitCode root)
    {
        var stack = new Stack<DivisionUnit>();
        stack.Push(Get(root));
        while (stack.Count > 0)
        {
            var unit = stack.Pop();
            yield return unit;
            var children = ChildrenOf(unit.Code);
            for (var i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }
    }

    /// <summary>The ancestors of a unit from the province down, excluding the unit itself.</summary>
    public IReadOnlyList<DivisionUnit> AncestorsOf(UnitCode code)
    {
        var chain = new List<DivisionUnit>();
        for (var parent = Get(code).ParentCode; parent is { } p; parent = Get(p).ParentCode) chain.Add(Get(p));
        chain.Reverse();
        return chain;
    }

    /// <summary>The seat from county_seats.csv, or null when the file has none for this county.</summary>
    public CountySeat? SeatOf(UnitCode county) => _seats.GetValueOrDefault(county.County);

    /// <summary>National key assistance county for rural revitalisation (国家乡村振兴重点帮扶县).</summary>
    public bool IsKeyCounty(UnitCode code) => code.Level >= UnitLevel.County && _keyCounties.Contains(code.County);
}
