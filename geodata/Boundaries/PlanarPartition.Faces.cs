using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Polygonize;
using NetTopologySuite.Triangulate;

namespace RiskMap.Geodata.Boundaries;

internal static partial class PlanarPartition
{
    private sealed record Face(Polygon Polygon, int Label);

    /// <summary>
    /// Nodes the parent's boundary together with the borders between labelled regions (snap
    /// rounding on the factory's precision grid) and polygonizes the result: every face lies in
    /// exactly one child and every border is stored once.
    /// </summary>
    private static List<Face> ArrangementFaces(Geometry parent, List<Coordinate> points, int[] labels, int n,
        Envelope env, IPointOnGeometryLocator locator, GeometryFactory factory)
    {
        var pm = factory.PrecisionModel;
        var voronoi = new VoronoiDiagramBuilder();
        voronoi.SetSites(points);
        var clip = new Envelope(env);
        clip.ExpandBy(env.Width * 0.1 + 1e-4, env.Height * 0.1 + 1e-4);
        voronoi.ClipEnvelope = clip;
        var cells = voronoi.GetDiagram(factory);

        var pointIndex = new Dictionary<Coordinate, int>(points.Count);
        for (var i = 0; i < points.Count; i++) pointIndex.TryAdd(points[i], i);
        var cellsByLabel = new List<Geometry>[n];
        for (var s = 0; s < n; s++) cellsByLabel[s] = [];
        for (var i = 0; i < cells.NumGeometries; i++)
        {
            var cell = cells.GetGeometryN(i);
            if (cell.UserData is Coordinate site && pointIndex.TryGetValue(site, out var p)) cellsByLabel[labels[p]].Add(cell);
        }

        var lines = new List<Geometry> { parent.Boundary };
        for (var s = 0; s < n; s++)
        {
            if (cellsByLabel[s].Count == 0) continue;
            var region = UnaryUnionNG.Union(factory.BuildGeometry(cellsByLabel[s]), pm);
            lines.Add(region.Boundary);
        }
        var noded = UnaryUnionNG.Union(factory.BuildGeometry(lines), pm);
        var polygonizer = new Polygonizer(false);
        polygonizer.Add(noded);

        var faces = new List<Face>();
        foreach (var geometry in polygonizer.GetPolygons())
        {
            var polygon = (Polygon)geometry;
            if (polygon.Area <= 0) continue;
            var inside = polygon.InteriorPoint.Coordinate;
            if (locator.Locate(inside) != Location.Interior) continue;
            faces.Add(new Face(polygon, labels[NearestPoint(points, inside)]));
        }
        return faces;
    }

    // The fine Voronoi cell holding a point belongs to the nearest site (plain lon/lat metric,
    // the same one the diagram was built in).
    private static int NearestPoint(List<Coordinate> points, Coordinate c)
    {
        var best = 0;
        var bestD = double.MaxValue;
        for (var i = 0; i < points.Count; i++)
        {
            var dx = points[i].X - c.X;
            var dy = points[i].Y - c.Y;
            var d = dx * dx + dy * dy;
            if (d < bestD) { bestD = d; best = i; }
        }
        return best;
    }

    /// <summary>
    /// Gives each label its faces. A label whose region the parent's outline cut into several
    /// pieces keeps the largest; the others join the neighbour sharing the longest border
    /// (borders are found by identical segments, which the shared arrangement guarantees).
    /// </summary>
    private static Geometry[] MergeFacesPerLabel(List<Face> faces, int n, GeometryFactory factory)
    {
        var labels = faces.Select(f => f.Label).ToArray();
        var segmentsOf = faces.Select(f => Segments(f.Polygon)).ToArray();
        for (var label = 0; label < n; label++)
        {
            var own = Enumerable.Range(0, faces.Count).Where(i => labels[i] == label).ToList();
            if (own.Count <= 1) continue;
            var keep = own.OrderByDescending(i => faces[i].Polygon.Area).ThenBy(i => i).First();
            foreach (var stray in own.Where(i => i != keep))
            {
                var bestLabel = label;
                var bestLength = 0.0;
                for (var other = 0; other < faces.Count; other++)
                {
                    if (labels[other] == label) continue;
                    var length = SharedLength(segmentsOf[stray], segmentsOf[other]);
                    if (length > bestLength) { bestLength = length; bestLabel = labels[other]; }
                }
                labels[stray] = bestLabel;
            }
        }

        var result = new Geometry[n];
        for (var label = 0; label < n; label++)
        {
            var own = Enumerable.Range(0, faces.Count).Where(i => labels[i] == label).Select(i => (Geometry)faces[i].Polygon).ToList();
            if (own.Count == 0) throw new InvalidOperationException($"partition child {label} of {n} received no area");
            var child = own.Count == 1 ? own[0].Copy() : UnaryUnionNG.Union(factory.BuildGeometry(own), factory.PrecisionModel);
            child.Normalize();
            result[label] = child;
        }
        return result;
    }

    private static HashSet<(double, double, double, double)> Segments(Polygon polygon)
    {
        var set = new HashSet<(double, double, double, double)>();
        foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
        {
            var cs = ring.Coordinates;
            for (var i = 0; i + 1 < cs.Length; i++) set.Add(Key(cs[i], cs[i + 1]));
        }
        return set;
    }

    private static (double, double, double, double) Key(Coordinate a, Coordinate b) =>
        a.X < b.X || (a.X == b.X && a.Y <= b.Y) ? (a.X, a.Y, b.X, b.Y) : (b.X, b.Y, a.X, a.Y);

    private static double SharedLength(HashSet<(double, double, double, double)> a, HashSet<(double, double, double, double)> b)
    {
        var length = 0.0;
        foreach (var s in a)
        {
            if (b.Contains(s)) length += Math.Sqrt((s.Item3 - s.Item1) * (s.Item3 - s.Item1) + (s.Item4 - s.Item2) * (s.Item4 - s.Item2));
        }
        return length;
    }
}
