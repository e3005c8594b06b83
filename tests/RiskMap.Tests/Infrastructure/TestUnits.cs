using RiskMap.Geodata.Domain;

namespace RiskMap.Tests.Infrastructure;

/// <summary>
/// A small hierarchy a test inserts for itself: Sichuan › Liangshan › 昭觉县 › two townships ›
/// two villages each, as squares (0.1° villages) side by side near Zhaojue.
/// </summary>
public static class TestUnits
{
    public const long Province = 510000000000;
    public const long Prefecture = 513400000000;
    public const long County = 513431000000;
    public const long TownshipA = 513431100000;
    public const long TownshipB = 513431101000;
    public const long VillageA1 = 513431100001;
    public const long VillageA2 = 513431100002;
    public const long VillageB1 = 513431101001;
    public const long VillageB2 = 513431101002;
    public static readonly long[] Villages = [VillageA1, VillageA2, VillageB1, VillageB2];

    /// <summary>South-west corner of each village's square.</summary>
    public static (double Lon, double Lat) Corner(long village) => village switch
    {
        VillageA1 => (102.6, 28.0),
        VillageA2 => (102.7, 28.0),
        VillageB1 => (102.6, 28.1),
        _ => (102.7, 28.1),
    };

    public static async Task InsertAsync(TestDatabase db)
    {
        await db.ExecuteAsync("""
            INSERT INTO admin_unit (code, level, name, parent_code, province_code, prefecture_code, county_code, township_code, is_key_county, geom)
            VALUES
              (510000000000, 1, '四川省', NULL, 510000000000, NULL, NULL, NULL, false, ST_Multi(ST_MakeEnvelope(102.6, 28.0, 102.8, 28.2, 4326))),
              (513400000000, 2, '凉山彝族自治州', 510000000000, 510000000000, 513400000000, NULL, NULL, false, ST_Multi(ST_MakeEnvelope(102.6, 28.0, 102.8, 28.2, 4326))),
              (513431000000, 3, '昭觉县', 513400000000, 510000000000, 513400000000, 513431000000, NULL, true, ST_Multi(ST_MakeEnvelope(102.6, 28.0, 102.8, 28.2, 4326))),
              (513431100000, 4, '新城镇', 513431000000, 510000000000, 513400000000, 513431000000, 513431100000, false, ST_Multi(ST_MakeEnvelope(102.6, 28.0, 102.8, 28.1, 4326))),
              (513431101000, 4, '谷曲镇', 513431000000, 510000000000, 513400000000, 513431000000, 513431101000, false, ST_Multi(ST_MakeEnvelope(102.6, 28.1, 102.8, 28.2, 4326))),
              (513431100001, 5, '南坪村', 513431100000, 510000000000, 513400000000, 513431000000, 513431100000, false, ST_Multi(ST_MakeEnvelope(102.6, 28.0, 102.7, 28.1, 4326))),
              (513431100002, 5, '城北村', 513431100000, 510000000000, 513400000000, 513431000000, 513431100000, false, ST_Multi(ST_MakeEnvelope(102.7, 28.0, 102.8, 28.1, 4326))),
              (513431101001, 5, '谷曲村', 513431101000, 510000000000, 513400000000, 513431000000, 513431101000, false, ST_Multi(ST_MakeEnvelope(102.6, 28.1, 102.7, 28.2, 4326))),
              (513431101002, 5, '洒拉地坡村', 513431101000, 510000000000, 513400000000, 513431000000, 513431101000, false, ST_Multi(ST_MakeEnvelope(102.7, 28.1, 102.8, 28.2, 4326)))
            """);
        await db.ExecuteAsync("""
            INSERT INTO resettlement_site (site_id, name, county_code, village_code, geom, capacity_households, relocated_households, relocated_people, labour_force, employed_labour)
            VALUES (9001, '南坪安置点', 513431000000, 513431100001, ST_SetSRID(ST_MakePoint(102.65, 28.05), 4326), 200, 0, 0, 0, 0)
            """);
    }

    /// <summary>A household in <paramref name="village"/> with an income and anything else the test sets.</summary>
    public static Household Household(string id, long village, int income, Func<Household, Household>? with = null)
    {
        var (lon, lat) = Corner(village);
        var h = new Household
        {
            HouseholdId = id, VillageCode = new UnitCode(village), Lon = lon + 0.05, Lat = lat + 0.05,
            Members = 4, Labour = 2, IncomePerCapita = income, IncomeLastYear = income,
        };
        return with is null ? h : with(h);
    }
}
