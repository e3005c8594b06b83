using System.Text.Json;
using System.Text.RegularExpressions;

namespace RiskMap.Geodata.Importing;

/// <summary>How a GeoJSON file's coordinates become WGS 84 longitude and latitude.</summary>
public enum CoordinateTransform
{
    /// <summary>Already longitude/latitude degrees.</summary>
    None,
    /// <summary>Web Mercator metres (EPSG:3857), inverted on the sphere it is defined on.</summary>
    WebMercator,
}

/// <summary>
/// The coordinate reference systems a boundary file may declare in its (pre-RFC 7946) <c>crs</c>
/// member. No member means EPSG:4326, as RFC 7946 says. EPSG:4490 (CGCS2000, China's datum)
/// differs from WGS 84 by centimetres, far below boundary accuracy, so it is taken as it is.
/// </summary>
public static partial class GeoJsonCrs
{
    private static readonly HashSet<string> Geographic = ["4326", "CRS84", "4490"];
    // 900913, 3785 and ESRI's 102100/102113 are older names of the same Web Mercator.
    private static readonly HashSet<string> Mercator = ["3857", "900913", "3785", "102100", "102113"];

    private const double EarthRadius = 6_378_137;

    /// <summary>The transform for the file's <c>crs</c> member (absent: none needed).</summary>
    /// <exception cref="ImportFileException">A CRS RiskMap cannot bring to EPSG:4326, named in the message.</exception>
    public static CoordinateTransform Resolve(JsonElement root, out string? declared)
    {
        declared = null;
        if (!root.TryGetProperty("crs", out var crs) || crs.ValueKind == JsonValueKind.Null) return CoordinateTransform.None;
        if (crs.ValueKind != JsonValueKind.Object
            || !crs.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "name"
            || !crs.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object
            || !props.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
            throw new ImportFileException($"unsupported crs member {Excerpt(crs)}: only a named CRS (\"type\": \"name\") is understood; reproject the file to EPSG:4326");
        declared = nameElement.GetString()!;
        var code = CodeOf(declared);
        if (code is not null && Geographic.Contains(code)) return CoordinateTransform.None;
        if (code is not null && Mercator.Contains(code)) return CoordinateTransform.WebMercator;
        throw new ImportFileException(
            $"unsupported CRS '{declared}': boundaries must be in EPSG:4326 (CRS84 and EPSG:4490 accepted, EPSG:3857 transformed); " +
            "reproject the file first, e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson");
    }

    /// <summary>Longitude and latitude of a position given in the file's CRS.</summary>
    public static (double Lon, double Lat) ToLonLat(CoordinateTransform transform, double x, double y) => transform switch
    {
        CoordinateTransform.WebMercator => (
            x / EarthRadius * 180 / Math.PI,
            (2 * Math.Atan(Math.Exp(y / EarthRadius)) - Math.PI / 2) * 180 / Math.PI),
        _ => (x, y),
    };

    /// <summary>The EPSG code or CRS84 a name such as "EPSG:3857", "urn:ogc:def:crs:EPSG::4326" or an OGC URL carries.</summary>
    private static string? CodeOf(string name)
    {
        var t = name.Trim();
        if (t.EndsWith("CRS84", StringComparison.OrdinalIgnoreCase)) return "CRS84";
        var m = TrailingNumber().Match(t);
        return m.Success && (t.Contains("EPSG", StringComparison.OrdinalIgnoreCase) || t.Contains("ESRI", StringComparison.OrdinalIgnoreCase))
            ? m.Groups[1].Value : null;
    }

    private static string Excerpt(JsonElement e)
    {
        var text = e.GetRawText();
        return text.Length > 200 ? text[..200] + "…" : text;
    }

    [GeneratedRegex(@"[:/](\d+)$")]
    private static partial Regex TrailingNumber();
}
