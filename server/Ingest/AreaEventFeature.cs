using System.Globalization;
using System.Text.Json;
using RiskMap.Geodata.Importing;

namespace RiskMap.Server.Ingest;

/// <summary>An area event as a request gives it, checked: id, type and the risk type it maps to, severity, date, and its outline as a GeoJSON MultiPolygon in EPSG:4326.</summary>
public sealed record AreaEventInput(
    string Id, string Type, string RiskType, EventSeverity Severity, DateOnly Date, string MultiPolygonJson, IReadOnlyList<string> Notes);

/// <summary>
/// Reads the body of <c>POST /api/events</c>: one GeoJSON Feature with a Polygon or MultiPolygon
/// and properties <c>id</c>, <c>type</c>, <c>severity</c> (1–3) and <c>date</c> (yyyy-mm-dd).
/// The first fault found is thrown as a <see cref="FeatureRejected"/> naming its member
/// (<c>properties.severity</c>, <c>geometry</c>, …). Pure: validity of the outline itself is
/// PostGIS's to judge.
/// </summary>
public static class AreaEventFeature
{
    public const int MaxIdLength = 200;

    public static AreaEventInput Read(JsonElement root, int maxVertices = int.MaxValue)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String || t.GetString() != "Feature")
            throw new FeatureRejected("type", "the body must be one GeoJSON Feature {\"type\": \"Feature\", \"geometry\": …, \"properties\": {\"id\", \"type\", \"severity\", \"date\"}}");
        CoordinateTransform transform;
        try { transform = GeoJsonCrs.Resolve(root, out _); }
        catch (ImportFileException e) { throw new FeatureRejected("crs", e.Message); }
        if (!root.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object)
            throw new FeatureRejected("properties", "the feature has no properties object (id, type, severity, date)");

        var id = Id(props);
        var type = Text(props, "type");
        var riskType = EventTypes.RiskTypeOf(type)
            ?? throw new FeatureRejected("properties.type", $"unknown event type '{type}'; one of {string.Join(", ", EventTypes.Names)}, a risk type key such as disaster_flood, or a Chinese name such as 洪涝");
        var severity = Severity(props);
        var dateText = Text(props, "date");
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new FeatureRejected("properties.date", $"'{dateText}' is not an ISO date (yyyy-mm-dd)");

        if (!root.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
            throw new FeatureRejected("geometry", "the feature has no geometry; a Polygon or MultiPolygon in EPSG:4326 is required");
        var notes = new List<string>();
        // Counted before anything else is read: a huge outline is refused before it costs anything.
        var json = GeoJsonPolygons.ToMultiPolygonJson(geometry, transform, notes, maxVertices);
        return new AreaEventInput(id, type.Trim(), riskType, severity, date, json, notes);
    }

    private static string Id(JsonElement props)
    {
        if (!props.TryGetProperty("id", out var value) || value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            throw new FeatureRejected("properties.id", "an id (a string chosen by the client, e.g. \"flood-2025-07-12-zhaojue\") is required: it makes the request idempotent");
        var id = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        if (id.Trim().Length == 0 || id.Length > MaxIdLength || id.Any(char.IsControl))
            throw new FeatureRejected("properties.id", $"an id is 1 to {MaxIdLength} characters without control characters");
        return id;
    }

    private static string Text(JsonElement props, string name)
    {
        if (!props.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || value.GetString()!.Trim().Length == 0)
            throw new FeatureRejected($"properties.{name}", $"a {name} (a string) is required");
        return value.GetString()!;
    }

    private static EventSeverity Severity(JsonElement props)
    {
        if (props.TryGetProperty("severity", out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var n) && n is >= 1 and <= 3)
            return (EventSeverity)n;
        throw new FeatureRejected("properties.severity",
            $"{(props.TryGetProperty("severity", out var given) ? $"{given.GetRawText()} is not a severity" : "a severity is required")}: 1 (minor, 一般), 2 (major, 较大) or 3 (severe, 重大)");
    }
}
