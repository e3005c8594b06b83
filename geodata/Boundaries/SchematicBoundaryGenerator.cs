using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using RiskMap.Geodata.Divisions;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Generation;

namespace RiskMap.Geodata.Boundaries;

/// <summary>
/// Generates nested schematic boundaries (示意图) for a province, prefecture or county: counties
/// around their seats, townships inside their county, villages inside their township, each
/// level an exact partition of its parent (see <see cref="PlanarPartition"/>). Coordinates are
/// WGS 84 degrees snapped to a 1e-12 degree grid, so shared borders are stored with identical
/// coordinates on both sides and the output is byte-for-byte repeatable.
/// </summary>
public static partial class SchematicBoundaryGenerator
{
    /// <summary>
    /// The precision grid of every generated coordinate: 1e-12 degrees. Where a border meets its
    /// parent's edge the crossing is rounded to the grid, shifting the parent's edge by at most
    /// half a cell; at 1e-7 (1 cm) that moved area sums by up to 6e-7 relative, at 1e-11 by up to
    /// 3e-9 in the smallest urban units, at 1e-12 well inside the 1e-9 the nesting requirement
    /// allows. Doubles resolve about 3e-14 at 180°, so the grid is still exactly representable.
    /// </summary>
    public static readonly GeometryFactory Factory = new(new PrecisionModel(1e12), 4326);

    private const double KmPerDegree = 111.32;

    public static SchematicMap Generate(DivisionCatalog catalog, UnitCode root, ulong seed)
    {
        var rootUnit = catalog.Get(root);
        if (rootUnit.Level > UnitLevel.County)
            throw new ArgumentException($"root {root} is a {rootUnit.Level}; generate a province, prefecture or county", nameof(root));

        var seats = CountySeatPlacement.SeatsUnder(catalog, root, seed);
        var counties = catalog.Subtree(root).Where(u => u.Level == UnitLevel.County).ToList();
        var outline = Outline(catalog, rootUnit, seats, seed);

        var countyShapes = counties.Count == 1 && rootUnit.Level == UnitLevel.County
            ? [outline]
            : PlanarPartition.Split(outline, seats.Select(s => new Coordinate(s.Lon, s.Lat)).ToList(),
                CountyShares(catalog, counties, seats, outline, seed), 40, SeededRandom.For(seed, root.Value, 1), Factory);

        // Each county's townships and villages depend only on the county's shape and seed, so
        // counties run in parallel and the result does not depend on scheduling.
        var perCounty = new List<UnitBoundary>[counties.Count];
        Parallel.For(0, counties.Count, i =>
        {
            var seat = new Coordinate(seats[i].Lon, seats[i].Lat);
            perCounty[i] = Descendants(catalog, counties[i], countyShapes[i], seat, seed);
        });

        var result = new List<UnitBoundary>();
        foreach (var ancestor in catalog.AncestorsOf(root)) result.Add(new UnitBoundary(ancestor, null, null, false));
        var countyRows = counties.Select((c, i) => new UnitBoundary(c, AsMulti(countyShapes[i]),
            new Coordinate(seats[i].Lon, seats[i].Lat), catalog.IsKeyCounty(c.Code))).ToList();
        if (rootUnit.Level == UnitLevel.Province)
        {
            result.Add(new UnitBoundary(rootUnit, AsMulti(outline), outline.InteriorPoint.Coordinate, false));
            foreach (var prefecture in catalog.ChildrenOf(root))
            {
                var members = countyRows.Where(c => c.Unit.ParentCode == prefecture.Code).ToList();
                var union = UnaryUnionNG.Union(Factory.BuildGeometry(members.Select(m => (Geometry)m.Shape!).ToList()), Factory.PrecisionModel);
                union.Normalize();
                result.Add(new UnitBoundary(prefecture, AsMulti(union), members[0].Centre, false));
            }
        }
        else if (rootUnit.Level == UnitLevel.Prefecture)
        {
            result.Add(new UnitBoundary(rootUnit, AsMulti(outline), countyRows[0].Centre, false));
        }
        result.AddRange(countyRows);
        var below = perCounty.SelectMany(list => list).ToList();
        result.AddRange(below.Where(u => u.Unit.Level == UnitLevel.Township));
        result.AddRange(below.Where(u => u.Unit.Level == UnitLevel.Village));
        return new SchematicMap(root, result, seats);
    }

    private static Polygon Outline(DivisionCatalog catalog, DivisionUnit root, List<CountySeat> seats, ulong seed)
    {
        var rng = SeededRandom.For(seed, root.Code.Value, 0);
        var points = seats.Select(s => new Coordinate(s.Lon, s.Lat)).ToList();
        double margin;
        if (points.Count == 1)
        {
            // A lone county: about 12 km² a village (Liangshan's mean is 25; plains counties less).
            var villages = catalog.Subtree(root.Code).Count(u => u.Level == UnitLevel.Village);
            margin = Math.Sqrt(Math.Max(10, villages) * 12 / Math.PI) / KmPerDegree;
        }
        else
        {
            var nearest = points.Select(p => points.Where(q => q != p)
                .Min(q => Math.Sqrt(Math.Pow((p.X - q.X) * Math.Cos(p.Y * Math.PI / 180), 2) + Math.Pow(p.Y - q.Y, 2)))).Order().ToList();
            margin = 0.75 * nearest[nearest.Count / 2];
        }
        return SchematicOutline.Around(points, margin, rng, Factory);
    }

    /// <summary>
    /// Wanted county areas: the share each seat would get from plain proximity, scaled by kind.
    /// Urban districts (区) are compact and county-level cities (市) denser; autonomous and key
    /// assistance counties are the mountain counties, larger and thinly settled.
    /// </summary>
    private static double[] CountyShares(DivisionCatalog catalog, List<DivisionUnit> counties, List<CountySeat> seats, Polygon outline, ulong seed)
    {
        var rng = SeededRandom.For(seed, counties[0].Code.Value, 3);
        var locator = new IndexedPointInAreaLocator(outline);
        var env = outline.EnvelopeInternal;
        var cosLat = Math.Cos(env.Centre.Y * Math.PI / 180);
        var natural = new double[counties.Count];
        for (var sampled = 0; sampled < 4000;)
        {
            var c = new Coordinate(rng.Uniform(env.MinX, env.MaxX), rng.Uniform(env.MinY, env.MaxY));
            if (locator.Locate(c) != Location.Interior) continue;
            sampled++;
            var best = 0;
            var bestD = double.MaxValue;
            for (var s = 0; s < seats.Count; s++)
            {
                var d = Math.Pow((seats[s].Lon - c.X) * cosLat, 2) + Math.Pow(seats[s].Lat - c.Y, 2);
                if (d < bestD) { bestD = d; best = s; }
            }
            natural[best]++;
        }
        return counties.Select((c, i) =>
        {
            var kind = c.IsUrban ? 0.45 : c.Name.EndsWith('市') ? 0.85 : c.Name.Contains("自治县", StringComparison.Ordinal) ? 1.35 : 1.0;
            if (catalog.IsKeyCounty(c.Code)) kind *= 1.15;
            return Math.Max(natural[i], 40) * kind;
        }).ToArray();
    }

    private static MultiPolygon AsMulti(Geometry g) => g switch
    {
        MultiPolygon m => m,
        Polygon p => Factory.CreateMultiPolygon([p]),
        _ => throw new InvalidOperationException($"expected a polygon, got {g.GeometryType}"),
    };
}
