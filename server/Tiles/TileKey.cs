namespace RiskMap.Server.Tiles;

/// <summary>A longitude/latitude box (WGS 84 degrees), closed on every side.</summary>
public readonly record struct GeoBox(double West, double South, double East, double North)
{
    public bool Intersects(GeoBox other) =>
        West <= other.East && other.West <= East && South <= other.North && other.South <= North;
}

/// <summary>
/// One tile of one layer, in the XYZ (Web Mercator, y down) scheme MapLibre requests, for one
/// audience (null: <see cref="TileAudience.Everyone"/>).
/// </summary>
public readonly record struct TileKey(string Layer, int Z, int X, int Y, TileAudience? Audience = null)
{
    /// <summary>Deepest zoom served; 2^24 tiles a side is far below a metre.</summary>
    public const int MaxZoom = 24;

    public static bool IsValid(int z, int x, int y) =>
        z is >= 0 and <= MaxZoom && x >= 0 && y >= 0 && x < (1L << z) && y < (1L << z);

    /// <summary>The tile's area in degrees, grown by <paramref name="margin"/> of its side (the MVT buffer as a fraction of the extent).</summary>
    public GeoBox Bounds(double margin = 0)
    {
        double n = 1L << Z;
        return new GeoBox(Lon((X - margin) / n), Lat((Y + 1 + margin) / n), Lon((X + 1 + margin) / n), Lat((Y - margin) / n));
    }

    /// <summary>The tiles of zoom <paramref name="z"/> that meet <paramref name="box"/>: columns and rows, inclusive.</summary>
    public static (int X0, int X1, int Y0, int Y1) Covering(GeoBox box, int z)
    {
        var n = 1 << z;
        int Column(double lon) => Math.Clamp((int)Math.Floor((lon + 180.0) / 360.0 * n), 0, n - 1);
        int Row(double lat)
        {
            var phi = Math.Clamp(lat, -85.0511287798066, 85.0511287798066) * Math.PI / 180.0;
            return Math.Clamp((int)Math.Floor((1 - Math.Log(Math.Tan(phi) + 1 / Math.Cos(phi)) / Math.PI) / 2 * n), 0, n - 1);
        }
        return (Column(box.West), Column(box.East), Row(box.North), Row(box.South));
    }

    public override string ToString() => $"{Layer}/{Z}/{X}/{Y}";

    private static double Lon(double fx) => Math.Clamp(fx, 0, 1) * 360.0 - 180.0;

    private static double Lat(double fy) =>
        Math.Atan(Math.Sinh(Math.PI * (1 - 2 * Math.Clamp(fy, 0, 1)))) * 180.0 / Math.PI;
}
