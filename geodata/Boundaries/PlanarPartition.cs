using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Polygonize;
using NetTopologySuite.Triangulate;
using RiskMap.Geodata.Generation;

namespace RiskMap.Geodata.Boundaries;

/// <summary>
/// Splits a polygon into one child per seed so that the children tile it exactly.
/// <para>
/// Why this way: the children are the faces of ONE noded planar arrangement (the parent's own
/// boundary plus the borders between labelled fine Voronoi cells), so two neighbours share a
/// border made of the very same coordinates, and together they cover the parent with no gap or
/// overlap. Computing each child by clipping separately, or the last child as "parent minus the
/// others", leaves slivers where the two computations round differently.
/// </para>
/// Sizes follow <c>targetShares</c> through a capacity-constrained power diagram evaluated on
/// random fine points; borders follow fine Voronoi cells, which makes them irregular like real
/// boundaries rather than straight.
/// </summary>
internal static partial class PlanarPartition
{
    private const int PowerIterations = 24;

    /// <param name="parent">Polygon or MultiPolygon with coordinates on <paramref name="factory"/>'s precision grid.</param>
    /// <param name="seeds">One point per child, inside the parent.</param>
    /// <param name="targetShares">Wanted area share per child (any positive scale).</param>
    /// <param name="finePointsPerChild">Random fine points per child: more gives finer, smoother borders.</param>
    /// <param name="rng">The stream for this parent only.</param>
    /// <param name="factory">Carries the precision grid every output coordinate is snapped to.</param>
    /// <returns>One Polygon (rarely a MultiPolygon) per seed, in seed order.</returns>
    public static Geometry[] Split(Geometry parent, IReadOnlyList<Coordinate> seeds, IReadOnlyList<double> targetShares,
        int finePointsPerChild, SeededRandom rng, GeometryFactory factory)
    {
        var n = seeds.Count;
        if (n == 0) throw new ArgumentException("no seeds", nameof(seeds));
        if (n == 1) return [parent.Copy()];

        for (var i = 1; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (seeds[i].Equals2D(seeds[j]))
                    throw new ArgumentException($"seeds {j} and {i} coincide at {seeds[i]}; each child needs its own point", nameof(seeds));
            }
        }
        var locator = new IndexedPointInAreaLocator(parent);
        var env = parent.EnvelopeInternal;
        var frame = new LocalFrame(env);

        var points = new List<Coordinate>(n * (finePointsPerChild + 1));
        points.AddRange(seeds.Select(s => new Coordinate(s.X, s.Y)));
        var wanted = n * finePointsPerChild;
        for (var attempts = 0; points.Count < n + wanted && attempts < wanted * 50; attempts++)
        {
            var c = new Coordinate(rng.Uniform(env.MinX, env.MaxX), rng.Uniform(env.MinY, env.MaxY));
            if (locator.Locate(c) == Location.Interior) points.Add(c);
        }

        var labels = AssignByPowerDiagram(points, n, targetShares, frame, parent.Area);
        var adjacency = DelaunayNeighbours(points);
        KeepLargestComponents(labels, adjacency, n);

        var faces = ArrangementFaces(parent, points, labels, n, env, locator, factory);
        return MergeFacesPerLabel(faces, n, factory);
    }

    /// <summary>Local metric: degrees of longitude shrink with the cosine of latitude.</summary>
    private readonly record struct LocalFrame(double CosLat)
    {
        public LocalFrame(Envelope env) : this(Math.Cos((env.MinY + env.MaxY) / 2 * Math.PI / 180)) { }

        public double Distance2(Coordinate a, Coordinate b)
        {
            var dx = (a.X - b.X) * CosLat;
            var dy = a.Y - b.Y;
            return dx * dx + dy * dy;
        }
    }

    private static int[] AssignByPowerDiagram(List<Coordinate> points, int n, IReadOnlyList<double> shares, LocalFrame frame, double parentArea)
    {
        var total = shares.Sum();
        var localArea = parentArea * frame.CosLat;
        var weights = new double[n];
        var labels = new int[points.Count];
        var counts = new int[n];
        var fine = points.Count - n;
        for (var iteration = 0; iteration <= PowerIterations; iteration++)
        {
            Array.Clear(counts);
            for (var i = n; i < points.Count; i++)
            {
                var best = 0;
                var bestPower = double.MaxValue;
                for (var s = 0; s < n; s++)
                {
                    var power = frame.Distance2(points[i], points[s]) - weights[s];
                    if (power < bestPower) { bestPower = power; best = s; }
                }
                labels[i] = best;
                counts[best]++;
            }
            if (iteration == PowerIterations) break;
            // A power cell's area grows by about pi * dw when its weight grows by dw; damped so
            // neighbours adjusting at the same time do not overshoot.
            for (var s = 0; s < n; s++)
            {
                var wantedArea = shares[s] / total * localArea;
                var currentArea = (double)counts[s] / Math.Max(1, fine) * localArea;
                weights[s] += 0.6 * (wantedArea - currentArea) / Math.PI;
            }
        }
        for (var s = 0; s < n; s++) labels[s] = s;
        return labels;
    }

    private static List<int>[] DelaunayNeighbours(List<Coordinate> points)
    {
        var index = new Dictionary<Coordinate, int>(points.Count);
        for (var i = 0; i < points.Count; i++) index.TryAdd(points[i], i);
        var builder = new DelaunayTriangulationBuilder();
        builder.SetSites(points);
        var adjacency = new List<int>[points.Count];
        for (var i = 0; i < points.Count; i++) adjacency[i] = [];
        foreach (var edge in builder.GetSubdivision().GetEdges())
        {
            if (index.TryGetValue(edge.Orig.Coordinate, out var a) && index.TryGetValue(edge.Dest.Coordinate, out var b) && a != b)
            {
                adjacency[a].Add(b);
                adjacency[b].Add(a);
            }
        }
        foreach (var list in adjacency) list.Sort();
        return adjacency;
    }

    /// <summary>
    /// A label's fine points may form several islands (power cells are convex but the parent
    /// need not be); islands other than the largest go to the neighbouring label most of their
    /// border touches, so each child comes out in one piece.
    /// </summary>
    private static void KeepLargestComponents(int[] labels, List<int>[] adjacency, int n)
    {
        for (var round = 0; round < 4; round++)
        {
            var component = new int[labels.Length];
            Array.Fill(component, -1);
            var sizes = new List<int>();
            var componentLabel = new List<int>();
            for (var start = 0; start < labels.Length; start++)
            {
                if (component[start] >= 0) continue;
                var id = sizes.Count;
                var size = 0;
                var queue = new Queue<int>();
                queue.Enqueue(start);
                component[start] = id;
                while (queue.Count > 0)
                {
                    var p = queue.Dequeue();
                    size++;
                    foreach (var q in adjacency[p])
                    {
                        if (component[q] < 0 && labels[q] == labels[p]) { component[q] = id; queue.Enqueue(q); }
                    }
                }
                sizes.Add(size);
                componentLabel.Add(labels[start]);
            }
            var largest = new int[n];
            Array.Fill(largest, -1);
            for (var c = 0; c < sizes.Count; c++)
            {
                var l = componentLabel[c];
                if (largest[l] < 0 || sizes[c] > sizes[largest[l]]) largest[l] = c;
            }
            var strays = Enumerable.Range(0, labels.Length).Where(p => component[p] != largest[labels[p]]).ToList();
            if (strays.Count == 0) return;
            foreach (var p in strays)
            {
                var votes = new Dictionary<int, int>();
                foreach (var q in adjacency[p])
                {
                    if (component[q] == largest[labels[q]] && labels[q] != labels[p]) votes[labels[q]] = votes.GetValueOrDefault(labels[q]) + 1;
                }
                if (votes.Count > 0) labels[p] = votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key).First().Key;
            }
        }
    }
}
