using System.ComponentModel.DataAnnotations;

namespace RiskMap.Server.Basemap;

/// <summary>
/// An optional basemap a deployment owns, drawn under the risk layers: a folder of raster tiles
/// laid out <c>{z}/{x}/{y}.{Format}</c> (what most tile tools export). Never fetched from the
/// internet; without <see cref="Directory"/> the map has no basemap.
/// </summary>
public sealed class BasemapOptions
{
    public const string Section = "Basemap";

    /// <summary>The folder of tiles; relative paths are taken from the server's working folder.</summary>
    public string? Directory { get; set; }

    /// <summary>The tiles' file extension and image type: png, jpg or webp.</summary>
    [RegularExpression("^(png|jpg|webp)$", ErrorMessage = "Basemap:Format must be png, jpg or webp")]
    public string Format { get; set; } = "png";

    [Range(0, 22)]
    public int MinZoom { get; set; }

    [Range(0, 22)]
    public int MaxZoom { get; set; } = 14;

    /// <summary>Whose map it is, shown with the map's other sources.</summary>
    public string? Attribution { get; set; }

    public string? ContentType => Format switch { "png" => "image/png", "jpg" => "image/jpeg", "webp" => "image/webp", _ => null };
}
