using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Risk;

/// <summary>English labels for <see cref="RiskType"/> keys (the domain record carries the Chinese ones).</summary>
public static class RiskTypeText
{
    public static string English(string? key) => key switch
    {
        RiskType.Illness => "illness",
        RiskType.Disability => "disability",
        RiskType.Education => "education costs",
        RiskType.DisasterFlood => "natural disaster (flood)",
        RiskType.DisasterGeological => "natural disaster (geological)",
        RiskType.DisasterDrought => "natural disaster (drought)",
        RiskType.DisasterBiological => "natural disaster (biological)",
        RiskType.DisasterMeteorological => "natural disaster (meteorological)",
        RiskType.DisasterEarthquake => "natural disaster (earthquake)",
        RiskType.DisasterOther => "natural disaster (other)",
        RiskType.Accident => "accident",
        RiskType.IndustryFailure => "industry failure",
        RiskType.UnstableEmployment => "unstable employment",
        RiskType.LabourShortage => "labour shortage",
        RiskType.HousingSafety => "housing safety",
        RiskType.DrinkingWater => "drinking water",
        RiskType.Other => "other",
        // A key the national list does not have is shown, not hidden.
        _ => $"unlisted risk type ({key})",
    };
}
