using System.Text;
using System.Text.Json;

namespace RiskMap.Geodata.Importing;

/// <summary>What is wrong with a GeoJSON polygon, for callers that answer each fault differently.</summary>
public enum GeometryFault
{
    /// <summary>Not a Polygon or MultiPolygon, or its coordinates are not nested arrays of positions.</summary>
    Malformed,
    /// <summary>A position outside longitude/latitude, or outside China.</summary>
    OutOfRange,
    /// <summary>More positions than the caller allows.</summary>
    TooManyVertices,
}

/// <summary>
/// Checks a GeoJSON Polygon or MultiPolygon's structure and coordinates and writes it again as a
/// two-dimensional MultiPolygon in EPSG:4326, so PostGIS only ever sees well-formed input.
/// </summary>
public static class GeoJsonPolygons
{
    /// <param name="geometry">The GeoJSON geometry object.</param>
    /// <param name="transform">How its coordinates become longitude and latitude.</param>
    /// <param name="notes">Repairs made (a ring closed) are added here.</param>
    /// <param name="maxVertices">Most positions accepted over all rings (a drawn region's limit); checked while reading.</param>
    public static string ToMultiPolygonJson(JsonElement geometry, CoordinateTransform transform, List<string> notes, int maxVertices = int.MaxValue)
    {
        var type = geometry.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type is not ("Polygon" or "MultiPolygon"))
            throw new FeatureRejected("geometry", $"geometry type {type ?? "(none)"}; it must be a Polygon or MultiPolygon");
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
            throw new FeatureRejected("geometry", "the geometry has no coordinates array");
        var polygons = type == "Polygon" ? [coordinates] : coordinates.EnumerateArray().ToArray();
        if (polygons.Length == 0) throw new FeatureRejected("geometry", "the geometry is empty");
        var vertices = CountPositions(polygons);
        if (vertices > maxVertices)
            throw new FeatureRejected("geometry", $"the geometry has {vertices:N0} vertices; at most {maxVertices:N0} are accepted", GeometryFault.TooManyVertices);

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "MultiPolygon");
            w.WriteStartArray("coordinates");
            for (var p = 0; p < polygons.Length; p++) WritePolygon(w, polygons[p], p, transform, notes);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WritePolygon(Utf8JsonWriter w, JsonElement polygon, int p, CoordinateTransform transform, List<string> notes)
    {
        if (polygon.ValueKind != JsonValueKind.Array || polygon.GetArrayLength() == 0)
            throw new FeatureRejected("geometry", $"polygon {p} has no rings");
        w.WriteStartArray();
        var r = 0;
        foreach (var ring in polygon.EnumerateArray())
        {
            var points = ReadRing(ring, p, r, transform);
            if (points[0] != points[^1])
            {
                // RFC 7946 requires closed rings; an exporter that drops the repeated first
                // position has not changed the shape, so closing it is a safe repair.
                points.Add(points[0]);
                notes.Add($"ring {r} of polygon {p} was not closed; closed it");
            }
            if (points.Count < 4) throw new FeatureRejected("geometry", $"ring {r} of polygon {p} has {points.Count} positions; a ring needs at least 4");
            w.WriteStartArray();
            foreach (var (lon, lat) in points)
            {
                w.WriteStartArray();
                w.WriteNumberValue(lon);
                w.WriteNumberValue(lat);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            r++;
        }
        w.WriteEndArray();
    }

    private static List<(double Lon, double Lat)> ReadRing(JsonElement ring, int p, int r, CoordinateTransform transform)
    {
        if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() == 0)
            throw new FeatureRejected("geometry", $"ring {r} of polygon {p} is not an array of positions");
        var points = new List<(double, double)>(ring.GetArrayLength());
        foreach (var position in ring.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number
                || !position[0].TryGetDouble(out var x) || !position[1].TryGetDouble(out var y))
                throw new FeatureRejected("geometry", $"malformed position {Excerpt(position)} in ring {r} of polygon {p}");
            var (lon, lat) = GeoJsonCrs.ToLonLat(transform, x, y);
            if (lon is < -180 or > 180 || lat is < -90 or > 90 || !double.IsFinite(lon + lat))
                throw new FeatureRejected("geometry",
                    $"coordinates out of range: ({x}, {y}) is not a longitude/latitude in EPSG:4326 (lon −180–180, lat −90–90); " +
                    "projected coordinates without a crs member?", GeometryFault.OutOfRange);
            if (lon is < HouseholdFields.MinLon or > HouseholdFields.MaxLon || lat is < HouseholdFields.MinLat or > HouseholdFields.MaxLat || !double.IsFinite(lon + lat))
                throw new FeatureRejected("geometry",
                    $"coordinates out of range: ({x}, {y}) is outside China (lon {HouseholdFields.MinLon}–{HouseholdFields.MaxLon}, lat {HouseholdFields.MinLat}–{HouseholdFields.MaxLat}); " +
                    "lat/lon swapped, or projected coordinates without a crs member?", GeometryFault.OutOfRange);
            points.Add((lon, lat));
        }
        return points;
    }

    /// <summary>Positions over all rings, counted before any is read so an oversized geometry costs nothing more.</summary>
    private static long CountPositions(JsonElement[] polygons)
    {
        long count = 0;
        foreach (var polygon in polygons)
        {
            if (polygon.ValueKind != JsonValueKind.Array) continue;
            foreach (var ring in polygon.EnumerateArray())
                if (ring.ValueKind == JsonValueKind.Array) count += ring.GetArrayLength();
        }
        return count;
    }

    private static string Excerpt(JsonElement e)
    {
        var text = e.GetRawText();
        return text.Length > 80 ? text[..80] + "…" : text;
    }
}
