namespace RiskMap.Geodata.Domain;

/// <summary>
/// Risk types (致贫/返贫风险) as the national monitoring system records them. Keys are stable
/// English strings stored in the database; the Chinese label sits beside each.
/// </summary>
public static class RiskType
{
    public const string Illness = "illness";
    public const string Disability = "disability";
    public const string Education = "education";
    public const string DisasterFlood = "disaster_flood";
    public const string DisasterGeological = "disaster_geological";
    public const string DisasterDrought = "disaster_drought";
    public const string DisasterBiological = "disaster_biological";
    public const string DisasterMeteorological = "disaster_meteorological";
    public const string DisasterEarthquake = "disaster_earthquake";
    public const string DisasterOther = "disaster_other";
    public const string Accident = "accident";
    public const string IndustryFailure = "industry_failure";
    public const string UnstableEmployment = "unstable_employment";
    public const string LabourShortage = "labour_shortage";
    public const string HousingSafety = "housing_safety";
    public const string DrinkingWater = "drinking_water";
    public const string Other = "other";

    /// <summary>Every key with its Chinese label, in the order the national system lists them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Illness] = "因病",
        [Disability] = "因残",
        [Education] = "因学",
        [DisasterFlood] = "因自然灾害(洪涝)",
        [DisasterGeological] = "因自然灾害(地质)",
        [DisasterDrought] = "因自然灾害(干旱)",
        [DisasterBiological] = "因自然灾害(生物)",
        [DisasterMeteorological] = "因自然灾害(气象)",
        [DisasterEarthquake] = "因自然灾害(地震)",
        [DisasterOther] = "因自然灾害(其他)",
        [Accident] = "因意外事故",
        [IndustryFailure] = "因产业失败",
        [UnstableEmployment] = "因务工就业不稳",
        [LabourShortage] = "因缺劳动力",
        [HousingSafety] = "因安全住房",
        [DrinkingWater] = "因安全饮水",
        [Other] = "其他",
    };

    /// <summary>Every key in a fixed order: the index of a key here is its position in per-region count arrays.</summary>
    public static readonly string[] Keys =
    [
        Illness, Disability, Education, DisasterFlood, DisasterGeological, DisasterDrought, DisasterBiological,
        DisasterMeteorological, DisasterEarthquake, DisasterOther, Accident, IndustryFailure, UnstableEmployment,
        LabourShortage, HousingSafety, DrinkingWater, Other,
    ];

    /// <summary>Position of <paramref name="key"/> in <see cref="Keys"/>, or -1.</summary>
    public static int IndexOf(string key) => Array.IndexOf(Keys, key);

    public static bool IsKnown(string key) => Labels.ContainsKey(key);

    public static bool IsDisaster(string key) => key.StartsWith("disaster_", StringComparison.Ordinal);

    /// <summary>The national system records at most five risk types per household.</summary>
    public const int MaxPerHousehold = 5;
}
