using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Generation;

namespace RiskMap.Geodata.Households;

/// <summary>
/// What a village's households share: how many were poor before 2020, whether a disaster hit
/// it this year, whether its water supply is fragile. Risks cluster by place, which is what
/// makes a risk map show areas rather than noise.
/// </summary>
internal sealed record VillageConditions(
    UnitCode Village,
    bool Urban,
    bool KeyCounty,
    double FormerlyPoorShare,
    string? Disaster,
    double DisasterReach,
    bool FragileWater,
    double IncomeFactor)
{
    private static readonly string[] Disasters =
    [
        RiskType.DisasterFlood, RiskType.DisasterGeological, RiskType.DisasterGeological, RiskType.DisasterDrought,
        RiskType.DisasterMeteorological, RiskType.DisasterBiological, RiskType.DisasterEarthquake, RiskType.DisasterOther,
    ];

    public static VillageConditions Draw(UnitCode village, bool urban, bool keyCounty, SeededRandom rng)
    {
        // Formerly-poor (脱贫户) shares: high in key assistance counties (Liangshan's key counties
        // had poverty rates above 30% in 2014), low in towns.
        var poorShare = keyCounty ? rng.Uniform(0.2, 0.45) : rng.Uniform(0.05, 0.18);
        if (urban) poorShare *= 0.3;
        // About one village in 25 suffers a disaster in a given year; it reaches part of the village.
        var disaster = !urban && rng.Chance(0.04) ? Disasters[rng.NextInt(Disasters.Length)] : null;
        var reach = disaster is null ? 0 : rng.Uniform(0.1, 0.45);
        var fragileWater = !urban && rng.Chance(0.05);
        // Villages differ in land, roads and jobs: incomes cluster by village (σ 0.22 in log terms),
        // lower in key assistance counties and higher in towns, so risk shows as areas on the map.
        var incomeFactor = Math.Exp(rng.Normal(0, 0.22)) * (keyCounty ? 0.9 : 1.15) * (urban ? 1.15 : 1);
        return new VillageConditions(village, urban, keyCounty, poorShare, disaster, reach, fragileWater, incomeFactor);
    }
}
