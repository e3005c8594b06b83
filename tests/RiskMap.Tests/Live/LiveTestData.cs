using RiskMap.Geodata.Domain;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Live;

/// <summary>Households and places the live tests build for themselves.</summary>
internal static class LiveTestData
{
    public const long OtherCounty = 513432000000;
    public const long OtherTownship = 513432100000;
    public const long OtherVillage = 513432100001;

    /// <summary>Well above the monitoring line: no warning.</summary>
    public const int Comfortable = 30000;
    /// <summary>Below the monitoring line but above the dibao line: level II (not III, so no household alerts).</summary>
    public const int Poor = 6500;

    /// <summary><paramref name="count"/> households in a village, the first <paramref name="poor"/> of them poor.</summary>
    public static Household[] Village(long village, string prefix, int count, int poor) =>
        Enumerable.Range(0, count).Select(i => TestUnits.Household($"{prefix}-{i}", village, i < poor ? Poor : Comfortable)).ToArray();

    /// <summary>喜德县 beside 昭觉县, with one township and one village, for "not another county's" tests.</summary>
    public static Task InsertOtherCountyAsync(TestDatabase db) => db.ExecuteAsync("""
        INSERT INTO admin_unit (code, level, name, parent_code, province_code, prefecture_code, county_code, township_code, is_key_county, geom)
        VALUES
          (513432000000, 3, '喜德县', 513400000000, 510000000000, 513400000000, 513432000000, NULL, true, ST_Multi(ST_MakeEnvelope(102.4, 28.0, 102.6, 28.2, 4326))),
          (513432100000, 4, '光明镇', 513432000000, 510000000000, 513400000000, 513432000000, 513432100000, false, ST_Multi(ST_MakeEnvelope(102.4, 28.0, 102.6, 28.2, 4326))),
          (513432100001, 5, '光明村', 513432100000, 510000000000, 513400000000, 513432000000, 513432100000, false, ST_Multi(ST_MakeEnvelope(102.4, 28.0, 102.5, 28.1, 4326)))
        """);

    /// <summary>A household in the other county's village.</summary>
    public static Household OtherCountyHousehold(string id, int income) => TestUnits.Household(id, LiveTestData.OtherVillage, income) with { Lon = 102.45, Lat = 28.05 };
}
