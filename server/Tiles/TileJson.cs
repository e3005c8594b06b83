using System.Text.Json.Serialization;

namespace RiskMap.Server.Tiles;

/// <summary>One layer's description inside TileJSON (the MapLibre/Mapbox <c>vector_layers</c> entry).</summary>
public sealed record VectorLayer(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("minzoom")] int MinZoom,
    [property: JsonPropertyName("maxzoom")] int MaxZoom,
    [property: JsonPropertyName("fields")] IReadOnlyDictionary<string, string> Fields);

/// <summary>TileJSON 3.0.0 for one RiskMap layer (<c>GET /tiles/{layer}.json</c>).</summary>
public sealed record TileJson(
    [property: JsonPropertyName("tilejson")] string Version,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("scheme")] string Scheme,
    [property: JsonPropertyName("tiles")] IReadOnlyList<string> Tiles,
    [property: JsonPropertyName("minzoom")] int MinZoom,
    [property: JsonPropertyName("maxzoom")] int MaxZoom,
    [property: JsonPropertyName("bounds")] IReadOnlyList<double> Bounds,
    [property: JsonPropertyName("vector_layers")] IReadOnlyList<VectorLayer> VectorLayers)
{
    /// <summary>Web Mercator's whole world, when there is no data yet.</summary>
    private static readonly GeoBox World = new(-180, -85.051129, 180, 85.051129);

    public static TileJson For(TileLayer layer, string tileUrl, GeoBox? bounds)
    {
        var b = bounds ?? World;
        return new TileJson("3.0.0", layer.Name, layer.Description, "xyz", [tileUrl], layer.MinZoom, layer.MaxZoom,
            [b.West, b.South, b.East, b.North],
            [new VectorLayer(layer.Name, layer.Description, layer.MinZoom, layer.MaxZoom, layer.Fields)]);
    }
}
