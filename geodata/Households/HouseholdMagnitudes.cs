using RiskMap.Geodata.Domain;

namespace RiskMap.Geodata.Households;

/// <summary>
/// Calibration figures the generator aims at, with their sources (shared/docs/domain.md).
/// Counts are at scale 1.0; a dataset at scale s has about s times as many households and sites.
/// </summary>
public static class HouseholdMagnitudes
{
    /// <summary>凉山州 (prefecture 5134).</summary>
    public static readonly UnitCode Liangshan = new(513400000000);

    /// <summary>Liangshan: about 4.86 M people at 3.25 a household, about 1.4 M rural households over 2,377 villages.</summary>
    public const double LiangshanHouseholdsPerVillage = 1_400_000.0 / 2_377;

    /// <summary>Elsewhere in Sichuan: about 10 M rural households over 34,412 villages, less Liangshan's share.</summary>
    public const double OtherHouseholdsPerVillage = (10_000_000.0 - 1_400_000) / (34_412 - 2_377);

    /// <summary>Mean household size (3.25 people a household in Liangshan).</summary>
    public const double MeanMembers = 3.25;

    /// <summary>Liangshan relocated 74,400 households; 1,492 central sites hold 54,800 of them.</summary>
    public const int LiangshanRelocatedHouseholds = 74_400;
    public const int LiangshanSiteHouseholds = 54_800;
    public const int LiangshanSites = 1_492;

    /// <summary>Share of relocated households living at central sites (54,800 / 74,400); the rest were resettled scattered (分散安置).</summary>
    public const double ShareAtSites = (double)LiangshanSiteHouseholds / LiangshanRelocatedHouseholds;

    /// <summary>Largest sites: about 3,000 households, in county towns.</summary>
    public const int LargestSiteHouseholds = 3_000;

    public static double HouseholdsPerVillage(UnitCode village) =>
        village.AtLevel(UnitLevel.Prefecture) == Liangshan ? LiangshanHouseholdsPerVillage : OtherHouseholdsPerVillage;

    /// <summary>
    /// Share of a county's households relocated. Relocation targeted the key assistance
    /// (mountain) counties; the two rates put Liangshan at about 74,400 households.
    /// </summary>
    public static double RelocatedShare(bool keyCounty) => keyCounty ? 0.075 : 0.028;
}
