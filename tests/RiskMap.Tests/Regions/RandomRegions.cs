using System.Globalization;

namespace RiskMap.Tests.Regions;

/// <summary>A box in longitude/latitude.</summary>
public readonly record struct Extent(double MinLon, double MinLat, double MaxLon, double MaxLat)
{
    public double Width => MaxLon - MinLon;
    public double Height => MaxLat - MinLat;
}

/// <summary>
/// Random regions as WKT (EPSG:4326) of the kinds planners draw and the kinds that break fast
/// paths: convex, concave, with holes, tiny, huge, in two parts, and edges through given points.
/// Star-shaped rings around a centre are simple by construction, so almost all are valid.
/// </summary>
public static class RandomRegions
{
    public static string Convex(Random random, Extent extent)
    {
        var (lon, lat) = Inside(random, extent);
        return Polygon(Ring(lon, lat, Radius(random, extent), random.Next(3, 13), random.NextDouble() * Math.PI, _ => 1));
    }

    public static string Concave(Random random, Extent extent)
    {
        var (lon, lat) = Inside(random, extent);
        var inner = 0.2 + 0.6 * random.NextDouble();
        return Polygon(Ring(lon, lat, Radius(random, extent), 2 * random.Next(3, 12), random.NextDouble(), i => i % 2 == 0 ? 1 : inner));
    }

    public static string WithHoles(Random random, Extent extent)
    {
        var (lon, lat) = Inside(random, extent);
        var r = Radius(random, extent);
        var outer = Ring(lon, lat, r, random.Next(6, 16), 0, _ => 1);
        var hole = Ring(lon + r * 0.1, lat - r * 0.1, r * (0.2 + 0.4 * random.NextDouble()), random.Next(3, 9), random.NextDouble(), _ => 1);
        hole.Reverse();
        return Polygon(outer, hole);
    }

    /// <summary>About 50 m across, around a given point (a household's), so it holds a handful or none.</summary>
    public static string Tiny(Random random, double lon, double lat) =>
        Polygon(Ring(lon + (random.NextDouble() - 0.5) * 0.0004, lat, 0.0003 + random.NextDouble() * 0.0003, random.Next(3, 8), random.NextDouble(), _ => 1));

    /// <summary>Everything and more.</summary>
    public static string Huge(Extent extent) => Polygon(
    [
        (extent.MinLon - 0.5, extent.MinLat - 0.5), (extent.MaxLon + 0.5, extent.MinLat - 0.5),
        (extent.MaxLon + 0.5, extent.MaxLat + 0.5), (extent.MinLon - 0.5, extent.MaxLat + 0.5), (extent.MinLon - 0.5, extent.MinLat - 0.5),
    ]);

    /// <summary>Two convex parts side by side, not touching.</summary>
    public static string TwoParts(Random random, Extent extent)
    {
        var (lon, lat) = Inside(random, extent);
        var r = Radius(random, extent) / 2;
        return "MULTIPOLYGON(" + Rings(Ring(lon, lat, r, random.Next(3, 9), 0, _ => 1)) + "," +
               Rings(Ring(lon + 2.5 * r, lat + r * (random.NextDouble() - 0.5), r, random.Next(3, 9), 0, _ => 1)) + ")";
    }

    /// <summary>A box whose west edge runs through one point and whose north edge through another: households on the border.</summary>
    public static string BoxThrough((double Lon, double Lat) west, (double Lon, double Lat) north)
    {
        var (x0, y1) = (west.Lon, north.Lat);
        var (x1, y0) = (Math.Max(north.Lon, x0) + 0.05, Math.Min(west.Lat, y1) - 0.05);
        if (y0 >= y1) y0 = y1 - 0.05;
        return Polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]);
    }

    private static (double, double) Inside(Random random, Extent e) =>
        (e.MinLon + random.NextDouble() * e.Width, e.MinLat + random.NextDouble() * e.Height);

    /// <summary>Log-uniform from ~200 m to half the extent: most regions small, some covering much of it.</summary>
    private static double Radius(Random random, Extent e) => Math.Exp(Math.Log(0.002) + random.NextDouble() * (Math.Log(Math.Max(e.Width, e.Height) / 2) - Math.Log(0.002)));

    private static List<(double, double)> Ring(double lon, double lat, double r, int n, double turn, Func<int, double> scale)
    {
        var ring = new List<(double, double)>(n + 1);
        for (var i = 0; i < n; i++)
        {
            var a = turn + 2 * Math.PI * i / n;
            ring.Add((lon + r * scale(i) * Math.Cos(a), lat + r * scale(i) * Math.Sin(a)));
        }
        ring.Add(ring[0]);
        return ring;
    }

    private static string Polygon(params List<(double, double)>[] rings) => "POLYGON" + Rings(rings);

    private static string Rings(params List<(double, double)>[] rings) =>
        "(" + string.Join(",", rings.Select(r => "(" + string.Join(",", r.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Item1:R} {p.Item2:R}"))) + ")")) + ")";
}
