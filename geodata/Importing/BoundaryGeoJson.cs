using System.Text.Json;
using RiskMap.Geodata.Domain;

namespace RiskMap.Geodata.Importing;

/// <summary>
/// A boundary that passed the file-level checks: its feature index, unit code, the geometry as
/// GeoJSON MultiPolygon in EPSG:4326, and any repair already made (a ring closed). Validity
/// is judged by PostGIS at import.
/// </summary>
public sealed record BoundaryFeature(int Index, UnitCode Code, bool Schematic, string MultiPolygonJson, IReadOnlyList<string> Notes, string Raw);

/// <summary>A boundary file read: the CRS it declared, the usable features and the rejected ones.</summary>
public sealed record BoundaryFile(string? DeclaredCrs, IReadOnlyList<BoundaryFeature> Features, IReadOnlyList<ImportReject> Rejects);

/// <summary>
/// Reads a boundaries GeoJSON FeatureCollection (docs/import-formats.md): each feature needs a
/// <c>code</c> property and a Polygon or MultiPolygon. Features with a bad code, a wrong geometry
/// type, malformed or out-of-range coordinates, or a code already seen are rejected with their
/// index, field and reason; the file as a whole is rejected when it is not JSON, not a
/// FeatureCollection, or declares a CRS that cannot be brought to EPSG:4326.
/// </summary>
public static class BoundaryGeoJson
{
    public static BoundaryFile Read(Stream utf8Json)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = 16 }); }
        catch (JsonException e) { throw new ImportFileException($"not valid JSON: {e.Message}"); }
        catch (ArgumentException e) { throw new ImportFileException($"not valid UTF-8 JSON: {e.Message}"); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || type.GetString() != "FeatureCollection")
                throw new ImportFileException("not a GeoJSON FeatureCollection: the top level must be {\"type\": \"FeatureCollection\", \"features\": […]}");
            if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                throw new ImportFileException("the FeatureCollection has no \"features\" array");
            var transform = GeoJsonCrs.Resolve(root, out var declared);

            var accepted = new List<BoundaryFeature>();
            var rejects = new List<ImportReject>();
            var firstIndex = new Dictionary<UnitCode, int>();
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                var i = index++;
                var raw = RawProperties(feature);
                try
                {
                    var parsed = ReadFeature(feature, i, transform, raw);
                    if (firstIndex.TryGetValue(parsed.Code, out var first))
                        rejects.Add(new ImportReject(i, "code", $"duplicate code {parsed.Code} (first at feature {first})", raw));
                    else
                    {
                        firstIndex[parsed.Code] = i;
                        accepted.Add(parsed);
                    }
                }
                catch (FeatureRejected r) { rejects.Add(new ImportReject(i, r.Field, r.Message, raw)); }
            }
            return new BoundaryFile(declared, accepted, rejects);
        }
    }

    private static BoundaryFeature ReadFeature(JsonElement feature, int index, CoordinateTransform transform, string raw)
    {
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String || t.GetString() != "Feature")
            throw new FeatureRejected("type", "not a GeoJSON Feature");
        if (!feature.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object)
            throw new FeatureRejected("code", "the feature has no properties, so no code");
        var code = ReadCode(props);
        var schematic = props.TryGetProperty("schematic", out var s) && s.ValueKind == JsonValueKind.True;
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
            throw new FeatureRejected("geometry", "the feature has no geometry");
        var notes = new List<string>();
        var json = GeoJsonPolygons.ToMultiPolygonJson(geometry, transform, notes);
        return new BoundaryFeature(index, code, schematic, json, notes, raw);
    }

    private static UnitCode ReadCode(JsonElement props)
    {
        if (!props.TryGetProperty("code", out var c) || c.ValueKind == JsonValueKind.Null)
            throw new FeatureRejected("code", "no code property");
        var text = c.ValueKind switch
        {
            JsonValueKind.String => c.GetString()!,
            JsonValueKind.Number => c.GetRawText(),
            _ => c.GetRawText(),
        };
        if (!UnitCode.TryParse(text, out var code))
            throw new FeatureRejected("code", $"code '{text}' is not a division code of 2, 4, 6, 9 or 12 digits");
        return code;
    }

    private static string RawProperties(JsonElement feature)
    {
        var text = feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("properties", out var p) ? p.GetRawText() : "";
        return text.Length > CsvRecordReader.MaxRawLength ? text[..CsvRecordReader.MaxRawLength] + "…" : text;
    }
}

/// <summary>A feature cannot load: the field at fault, why, and (for a geometry) the kind of fault.</summary>
public sealed class FeatureRejected(string field, string reason, GeometryFault fault = GeometryFault.Malformed) : Exception(reason)
{
    public string Field { get; } = field;
    public GeometryFault Fault { get; } = fault;
}
