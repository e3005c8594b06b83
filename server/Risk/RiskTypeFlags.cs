using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Risk;

/// <summary>A household's risk types as bits, read once per assessment (a switch on the key, no allocation).</summary>
[Flags]
internal enum RiskTypeFlags : uint
{
    None = 0,
    Illness = 1 << 0,
    Disability = 1 << 1,
    Education = 1 << 2,
    Disaster = 1 << 3,
    Accident = 1 << 4,
    IndustryFailure = 1 << 5,
    UnstableEmployment = 1 << 6,
    LabourShortage = 1 << 7,
    HousingSafety = 1 << 8,
    DrinkingWater = 1 << 9,
    Other = 1 << 10,

    /// <summary>The causes of a sudden hardship (突发严重困难户): illness, disaster or accident.</summary>
    SuddenCause = Illness | Disaster | Accident,
}

internal static class RiskTypeFlagsReader
{
    public static RiskTypeFlags Read(IReadOnlyList<string> keys)
    {
        var flags = RiskTypeFlags.None;
        for (var i = 0; i < keys.Count; i++)
        {
            flags |= keys[i] switch
            {
                RiskType.Illness => RiskTypeFlags.Illness,
                RiskType.Disability => RiskTypeFlags.Disability,
                RiskType.Education => RiskTypeFlags.Education,
                RiskType.DisasterFlood or RiskType.DisasterGeological or RiskType.DisasterDrought or RiskType.DisasterBiological
                    or RiskType.DisasterMeteorological or RiskType.DisasterEarthquake or RiskType.DisasterOther => RiskTypeFlags.Disaster,
                RiskType.Accident => RiskTypeFlags.Accident,
                RiskType.IndustryFailure => RiskTypeFlags.IndustryFailure,
                RiskType.UnstableEmployment => RiskTypeFlags.UnstableEmployment,
                RiskType.LabourShortage => RiskTypeFlags.LabourShortage,
                RiskType.HousingSafety => RiskTypeFlags.HousingSafety,
                RiskType.DrinkingWater => RiskTypeFlags.DrinkingWater,
                _ => RiskTypeFlags.Other,
            };
        }
        return flags;
    }
}
