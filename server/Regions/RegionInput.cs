using System.Text.Json;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Importing;

namespace RiskMap.Server.Regions;

/// <summary>What a region request names: an outline drawn now, a saved watch region, or an administrative unit's outline.</summary>
public abstract record RegionSpec;

/// <summary>A drawn outline, already checked for structure, coordinates and vertex count, as a GeoJSON MultiPolygon in EPSG:4326.</summary>
public sealed record DrawnRegion(string MultiPolygonJson, IReadOnlyList<string> Notes) : RegionSpec;

/// <summary>A saved watch region.</summary>
public sealed record SavedRegion(long RegionId) : RegionSpec;

/// <summary>An administrative unit: its outline is the region.</summary>
public sealed record UnitRegion(UnitCode Code) : RegionSpec;

/// <summary>
/// Reads region requests: the body as JSON (bounded in size and depth), then one of a GeoJSON
/// Polygon or MultiPolygon, a Feature holding one, <c>{"regionId": n}</c> or <c>{"unitCode": "…"}</c>.
/// Structure, coordinates (EPSG:4326, or a <c>crs</c> member GeoJsonCrs understands) and the
/// vertex limit are checked here with the boundary importer's reader; validity and area by PostGIS
/// (<see cref="RegionShapes"/>).
/// </summary>
public static class RegionInput
{
    /// <summary>The request body as a JSON document.</summary>
    /// <exception cref="RegionFault">Too large, or not JSON.</exception>
    public static async Task<JsonDocument> ReadJsonAsync(HttpRequest request, RegionOptions options, CancellationToken ct)
    {
        if (request.ContentLength > options.MaxRequestBytes) throw TooLarge(options);
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > options.MaxRequestBytes) throw TooLarge(options);
            buffer.Write(chunk, 0, n);
        }
        if (buffer.Length == 0) throw new RegionFault(RegionFault.InvalidJson, "the request has no body; send a GeoJSON Polygon or MultiPolygon, a Feature, {\"regionId\": n} or {\"unitCode\": \"…\"}");
        try
        {
            return JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new RegionFault(RegionFault.InvalidJson, $"the body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>The region a query names.</summary>
    /// <exception cref="RegionFault">Not one of the accepted shapes, or a bad geometry.</exception>
    public static RegionSpec SpecOf(JsonElement root, RegionOptions options)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new RegionFault(RegionFault.NotAPolygon, $"the body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}; send a GeoJSON Polygon or MultiPolygon, a Feature, {{\"regionId\": n}} or {{\"unitCode\": \"…\"}}");
        var named = new[] { "regionId", "unitCode", "type" }.Where(p => root.TryGetProperty(p, out _)).ToList();
        if (named.Count != 1)
            throw new RegionFault(RegionFault.InvalidRequest, named.Count == 0
                ? "the body names no region: give a GeoJSON geometry or Feature (\"type\"), \"regionId\" or \"unitCode\""
                : $"the body names more than one region ({string.Join(", ", named)}); give exactly one");
        return named[0] switch
        {
            "regionId" => new SavedRegion(RegionIdOf(root.GetProperty("regionId"))),
            "unitCode" => new UnitRegion(UnitCodeOf(root.GetProperty("unitCode"))),
            _ => Drawn(root, options),
        };
    }

    /// <summary>A drawn outline from a GeoJSON geometry or a Feature holding one.</summary>
    /// <exception cref="RegionFault">Not a polygon, coordinates out of range, too many vertices, or an unsupported CRS.</exception>
    public static DrawnRegion Drawn(JsonElement geoJson, RegionOptions options)
    {
        if (geoJson.ValueKind != JsonValueKind.Object)
            throw new RegionFault(RegionFault.NotAPolygon, "the geometry must be a GeoJSON object (Polygon, MultiPolygon or a Feature holding one)");
        CoordinateTransform transform;
        try { transform = GeoJsonCrs.Resolve(geoJson, out _); }
        catch (ImportFileException e) { throw new RegionFault(RegionFault.UnsupportedCrs, e.Message); }
        var geometry = geoJson;
        var type = geoJson.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type == "Feature")
        {
            if (!geoJson.TryGetProperty("geometry", out geometry) || geometry.ValueKind != JsonValueKind.Object)
                throw new RegionFault(RegionFault.NotAPolygon, "the Feature has no geometry");
        }
        else if (type is "FeatureCollection" or "GeometryCollection")
            throw new RegionFault(RegionFault.NotAPolygon, $"a {type} is not one region; send one Polygon or MultiPolygon (or a Feature holding one)");
        var notes = new List<string>();
        try
        {
            return new DrawnRegion(GeoJsonPolygons.ToMultiPolygonJson(geometry, transform, notes, options.MaxVertices), notes);
        }
        catch (FeatureRejected e)
        {
            throw new RegionFault(e.Fault switch
            {
                GeometryFault.OutOfRange => RegionFault.CoordinatesOutOfRange,
                GeometryFault.TooManyVertices => RegionFault.TooManyVertices,
                _ => RegionFault.NotAPolygon,
            }, e.Message);
        }
    }

    public static long RegionIdOf(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var id) && id > 0 ? id
        : throw new RegionFault(RegionFault.InvalidRequest, $"regionId must be a positive whole number, not {value.GetRawText()}");

    public static UnitCode UnitCodeOf(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return UnitCodeOf(text);
    }

    public static UnitCode UnitCodeOf(string? text) => UnitCode.TryParse(text, out var code) ? code
        : throw new RegionFault(RegionFault.InvalidUnitCode, $"unitCode must be a division code of 2, 4, 6, 9 or 12 digits (e.g. 513431000000), not '{text}'");

    private static RegionFault TooLarge(RegionOptions options) => new(RegionFault.RequestTooLarge,
        $"region requests are limited to {options.MaxRequestBytes:N0} bytes (Regions:MaxRequestBytes)", StatusCodes.Status413PayloadTooLarge);
}
