namespace RiskMap.Server.Tiles;

/// <summary>What a layer's tiles are made of, which decides its SQL and which changes evict its tiles.</summary>
public enum TileSource { Units, Labels, Sites, Heat }

/// <summary>One vector tile layer: its name in URLs and tiles, zoom range, source, and the fields TileJSON describes.</summary>
public sealed record TileLayer(
    string Name, int MinZoom, int MaxZoom, TileSource Source, int? UnitLevel, string Description,
    IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>Admin levels whose labels appear at zoom <paramref name="z"/>: prefectures first, villages only once they are big enough to read.</summary>
    public static int DeepestLabelLevel(int z) => z switch { < 6 => 2, < 9 => 3, < 11 => 4, _ => 5 };
}

/// <summary>The layers RiskMap serves. Zoom ranges follow what can be seen: counties from the prefecture view, villages (~5 km across) from z10.</summary>
public static class TileLayers
{
    private static readonly Dictionary<string, string> UnitFields = new()
    {
        ["code"] = "12-digit statistical division code (also the feature id; use as promoteId)",
        ["name"] = "unit name (Chinese)",
        ["key_county"] = "true for a national key assistance county (counties layer only)",
        ["zone"] = "red, yellow or green (红灯区/黄灯区/绿灯区); green when no figures yet",
        ["scale_return"] = "true when the scale-return-to-poverty rule holds",
        ["households"] = "households in the unit",
        ["level1"] = "households at warning level I (light)",
        ["level2"] = "households at warning level II (moderate)",
        ["level3"] = "households at warning level III (high)",
        ["share2"] = "share of households at level II or above, 0–1",
        ["gap_should_monitor"] = "应纳未纳: should be monitored but is not",
        ["gap_unassisted"] = "应帮未帮: monitored but not helped in time",
        ["gap_should_exit"] = "应退未退: should have exited monitoring",
    };

    public static readonly IReadOnlyList<TileLayer> All =
    [
        new("counties", 5, 12, TileSource.Units, 3, "County polygons (县) with risk figures", UnitFields),
        new("townships", 8, 13, TileSource.Units, 4, "Township polygons (乡镇) with risk figures", UnitFields),
        new("villages", 10, 14, TileSource.Units, 5, "Village polygons (村) with risk figures", UnitFields),
        new("labels", 4, 14, TileSource.Labels, null, "One label point inside each unit: prefectures from z4, counties z6, townships z9, villages z11",
            new Dictionary<string, string>
            {
                ["code"] = "12-digit division code (also the feature id)",
                ["name"] = "unit name (Chinese)",
                ["level"] = "2 prefecture, 3 county, 4 township, 5 village",
                ["zone"] = "red, yellow or green",
            }),
        new("sites", 8, 14, TileSource.Sites, null, "Relocation resettlement sites (易地扶贫搬迁安置点); site id is the feature id",
            new Dictionary<string, string>
            {
                ["name"] = "site name",
                ["households"] = "relocated households",
                ["share2"] = "share of the site's households at level II or above, 0–1",
                ["employed_share"] = "share of the site's labour force employed, 0–1",
                ["zone"] = "red, yellow or green",
            }),
        new("risk-heat", 5, 16, TileSource.Heat, null, "Household risk for a heat map: grid cells below the points zoom, single points from it; never names or ids",
            new Dictionary<string, string>
            {
                ["weight"] = "sum of risk scores in the cell (or one household's score)",
                ["households"] = "households in the cell (cells only; small counts suppressed)",
                ["level"] = "warning level 1–3 (points only)",
            }),
    ];

    private static readonly Dictionary<string, TileLayer> ByName = All.ToDictionary(l => l.Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, TileLayer>.AlternateLookup<ReadOnlySpan<char>> BySpan = ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    public static TileLayer? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The layer named by a part of a path, without making a string of it.</summary>
    public static TileLayer? Find(ReadOnlySpan<char> name) => BySpan.TryGetValue(name, out var layer) ? layer : null;
}
