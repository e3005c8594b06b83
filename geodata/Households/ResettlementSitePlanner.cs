using RiskMap.Geodata.Boundaries;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Generation;

namespace RiskMap.Geodata.Households;

/// <summary>
/// Plans a county's central resettlement sites: how many, how large, in which village.
/// Calibrated to Liangshan (1,492 sites holding 54,800 households, mean about 37, a heavy tail
/// to about 3,000): each county town gets one or two large 城镇安置区 of several hundred to
/// 3,000 households; the rest are small rural sites near township seats.
/// </summary>
internal static class ResettlementSitePlanner
{
    public sealed record PlannedSite(long SiteId, UnitBoundary Village, int Households, bool InCountyTown);

    private const double MeanHouseholdsPerSite = (double)HouseholdMagnitudes.LiangshanSiteHouseholds / HouseholdMagnitudes.LiangshanSites;

    public static List<PlannedSite> Plan(UnitBoundary county, IReadOnlyList<UnitBoundary> townships,
        IReadOnlyDictionary<UnitCode, List<UnitBoundary>> villagesByTownship, int siteHouseholds, double scale, SeededRandom rng)
    {
        var sites = new List<PlannedSite>();
        var allVillages = townships.SelectMany(t => villagesByTownship.GetValueOrDefault(t.Code) ?? []).ToList();
        if (siteHouseholds <= 0 || allVillages.Count == 0) return sites;

        var siteCount = Math.Max(1, (int)Math.Round(siteHouseholds / MeanHouseholdsPerSite));
        var sizes = new List<(int Households, bool Town)>();
        var remaining = siteHouseholds;
        // A large site keeps its size at any scale; a smaller dataset has fewer of them
        // (stochastic rounding of the scaled count), as it has fewer small sites.
        var wantedLarge = (county.IsKeyCounty ? 2 : 1) * Math.Min(1, scale);
        var largeCount = (int)wantedLarge + (rng.Chance(wantedLarge - (int)wantedLarge) ? 1 : 0);
        if (siteHouseholds < 400 || siteCount < 4) largeCount = 0;
        for (var i = 0; i < largeCount; i++)
        {
            var size = (int)Math.Clamp(rng.LogNormal(750, 0.65), 250, HouseholdMagnitudes.LargestSiteHouseholds);
            size = Math.Min(size, (int)(siteHouseholds * 0.45));
            sizes.Add((size, true));
            remaining -= size;
        }
        var smallCount = siteCount - largeCount;
        var raw = Enumerable.Range(0, smallCount).Select(_ => rng.LogNormal(1, 0.8)).ToArray();
        foreach (var size in Apportion(remaining, raw)) sizes.Add((size, false));

        var seatTownship = townships.FirstOrDefault(t => t.Unit.IsUrban) ?? townships[0];
        var townVillages = villagesByTownship.GetValueOrDefault(seatTownship.Code) ?? allVillages;
        var serial = 0;
        foreach (var (households, town) in sizes.Where(s => s.Households > 0))
        {
            UnitBoundary village;
            if (town)
            {
                var urban = townVillages.Where(v => v.Unit.IsUrban).ToList();
                var pool = urban.Count > 0 ? urban : townVillages;
                village = pool[rng.NextInt(pool.Count)];
            }
            else
            {
                // Rural sites stand near township seats more often than not.
                var township = townships[rng.NextInt(townships.Count)];
                var pool = villagesByTownship.GetValueOrDefault(township.Code) ?? allVillages;
                village = rng.Chance(0.6) ? pool[0] : pool[rng.NextInt(pool.Count)];
            }
            serial++;
            var id = county.Code.Value / 1_000_000 * 10_000 + serial;
            sites.Add(new PlannedSite(id, village, households, town));
        }
        return sites;
    }

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/> (largest remainder), at least 3 each.</summary>
    internal static int[] Apportion(int total, double[] weights)
    {
        if (weights.Length == 0) return [];
        var floor = Math.Min(3, total / weights.Length);
        var spare = total - floor * weights.Length;
        var sum = weights.Sum();
        var exact = weights.Select(w => w / sum * spare).ToArray();
        var result = exact.Select(e => floor + (int)Math.Floor(e)).ToArray();
        var left = total - result.Sum();
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - Math.Floor(exact[i])).ThenBy(i => i).Take(left)) result[i]++;
        return result;
    }
}
