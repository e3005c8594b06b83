using NetTopologySuite.Geometries;
using RiskMap.Geodata.Generation;

namespace RiskMap.Geodata.Boundaries;

/// <summary>
/// The irregular outer boundary of the generated area (a prefecture or province): the convex
/// hull of the county seats grown by a margin, then pushed in and out by a sum of random
/// harmonics so it reads as a coastline-like border rather than a blob or a square. The shape is
/// star-shaped around its centre, which keeps the ring simple (valid) whatever the noise.
/// </summary>
internal static class SchematicOutline
{
    private const int Vertices = 720;

    public static Polygon Around(IReadOnlyList<Coordinate> seats, double margin, SeededRandom rng, GeometryFactory factory)
    {
        var cosLat = Math.Cos(seats.Average(s => s.Y) * Math.PI / 180);
        // Work in a local frame where a degree of longitude is as long as one of latitude.
        var local = seats.Select(s => new Coordinate(s.X * cosLat, s.Y)).ToArray();
        var plain = new GeometryFactory();
        var hull = plain.CreateMultiPointFromCoords(local).ConvexHull().Buffer(margin, 16);
        var centre = hull.Centroid.Coordinate;
        var ring = hull is Polygon p ? p.ExteriorRing.Coordinates : hull.Coordinates;

        var seatHull = plain.CreateMultiPointFromCoords(local).ConvexHull();
        var hullRing = seatHull is Polygon sp ? sp.ExteriorRing.Coordinates : null;
        // Amplitudes falling as k^-1.3 give a rough, coastline-like border at every scale.
        var harmonics = Enumerable.Range(2, 60)
            .Select(k => (K: k, Amplitude: rng.Uniform(0.4, 1.0) * 0.2 / Math.Pow(k, 1.3), Phase: rng.Uniform(0, 2 * Math.PI)))
            .ToArray();

        var coords = new Coordinate[Vertices + 1];
        for (var i = 0; i < Vertices; i++)
        {
            var angle = 2 * Math.PI * i / Vertices;
            var noise = 1.0;
            foreach (var (k, amplitude, phase) in harmonics) noise += amplitude * Math.Cos(k * angle + phase);
            var radius = RayToRing(centre, angle, ring) * Math.Clamp(noise, 0.72, 1.4);
            // Never leave a seat outside or near the edge of its own area: the border stays at
            // least a third of the margin beyond the seats' convex hull.
            var seatsReach = hullRing is null ? 0 : RayToRing(centre, angle, hullRing);
            radius = Math.Max(radius, seatsReach + margin / 3);
            coords[i] = new Coordinate((centre.X + radius * Math.Cos(angle)) / cosLat, centre.Y + radius * Math.Sin(angle));
            factory.PrecisionModel.MakePrecise(coords[i]);
        }
        coords[Vertices] = coords[0].Copy();
        var outline = factory.CreatePolygon(coords);
        if (!outline.IsValid) outline = (Polygon)NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(outline).GetGeometryN(0);
        outline.Normalize();
        return outline;
    }

    /// <summary>Distance from <paramref name="centre"/> along a ray to a convex ring around it.</summary>
    private static double RayToRing(Coordinate centre, double angle, Coordinate[] ring)
    {
        var dx = Math.Cos(angle);
        var dy = Math.Sin(angle);
        var best = double.MaxValue;
        for (var i = 0; i + 1 < ring.Length; i++)
        {
            var ax = ring[i].X - centre.X;
            var ay = ring[i].Y - centre.Y;
            var ex = ring[i + 1].X - ring[i].X;
            var ey = ring[i + 1].Y - ring[i].Y;
            var denominator = dx * ey - dy * ex;
            if (Math.Abs(denominator) < 1e-15) continue;
            var t = (ax * ey - ay * ex) / denominator;
            var u = (ax * dy - ay * dx) / denominator;
            if (t > 0 && u >= 0 && u <= 1) best = Math.Min(best, t);
        }
        return best == double.MaxValue ? 0 : best;
    }
}
