using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Ingest;

/// <summary>
/// The event types an area event's <c>properties.type</c> may name, each mapped to the natural
/// disaster risk type (因自然灾害) it marks households with. The risk type keys themselves and
/// the common Chinese names are accepted too; matching ignores case.
/// </summary>
public static class EventTypes
{
    private static readonly Dictionary<string, string> RiskTypes = Build();

    /// <summary>The risk type key an event type marks households with, or null for a type not listed.</summary>
    public static string? RiskTypeOf(string type) => RiskTypes.GetValueOrDefault(type.Trim());

    /// <summary>The English event types, for messages and docs.</summary>
    public static readonly string[] Names =
    [
        "flood", "flash_flood", "waterlogging", "landslide", "debris_flow", "rockfall", "subsidence", "earthquake", "drought",
        "hail", "storm", "typhoon", "snowstorm", "frost", "cold_wave", "heat_wave", "pest", "plant_disease", "animal_disease",
        "wildfire", "other",
    ];

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(string riskType, params string[] names)
        {
            map[riskType] = riskType;
            foreach (var n in names) map[n] = riskType;
        }
        Add(RiskType.DisasterFlood, "flood", "flash_flood", "waterlogging", "洪涝", "洪水", "山洪", "内涝");
        Add(RiskType.DisasterGeological, "landslide", "debris_flow", "rockfall", "subsidence", "地质灾害", "滑坡", "泥石流", "崩塌", "地面塌陷");
        Add(RiskType.DisasterEarthquake, "earthquake", "地震");
        Add(RiskType.DisasterDrought, "drought", "干旱", "旱灾");
        Add(RiskType.DisasterMeteorological, "hail", "storm", "typhoon", "snowstorm", "frost", "cold_wave", "heat_wave",
            "气象灾害", "冰雹", "风雹", "台风", "雪灾", "冻害", "低温冷冻", "寒潮", "高温");
        Add(RiskType.DisasterBiological, "pest", "plant_disease", "animal_disease", "生物灾害", "病虫害", "动物疫病");
        Add(RiskType.DisasterOther, "wildfire", "other", "森林火灾", "其他");
        return map;
    }
}
