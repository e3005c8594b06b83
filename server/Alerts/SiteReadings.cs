using Npgsql;
using RiskMap.Server.Database;
using RiskMap.Server.Risk;

namespace RiskMap.Server.Alerts;

/// <summary>What the site rules read of one site: the village it stands in, its labour force, how many of it are employed, its household figures.</summary>
public readonly record struct SiteFacts(long SiteId, long VillageCode, int LabourForce, int Employed, LevelCounts Counts);

/// <summary>The site rules' readings (scale and employment), from the sites' rows and figures.</summary>
public static class SiteReadings
{
    /// <summary>The readings of <paramref name="siteIds"/> (null: every site).</summary>
    public static async Task<List<AlertReading>> ReadAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyCollection<long>? siteIds, AlertOptions options, RegionRuleOptions regions, CancellationToken ct) =>
        Of(await ReadFactsAsync(conn, tx, siteIds, ct), options, regions);

    /// <summary>The facts of <paramref name="siteIds"/> (null: every site).</summary>
    public static async Task<List<SiteFacts>> ReadFactsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyCollection<long>? siteIds, CancellationToken ct)
    {
        var facts = new List<SiteFacts>();
        if (siteIds is { Count: 0 }) return facts;
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Alerts.site_facts"), conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<long[]?> { TypedValue = siteIds?.ToArray() });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            facts.Add(new SiteFacts(r.GetInt64(0), r.GetInt64(1), r.GetInt32(2), r.GetInt32(3),
                new LevelCounts(r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7))));
        return facts;
    }

    /// <summary>The readings of the sites' rules under <paramref name="options"/>.</summary>
    public static List<AlertReading> Of(IReadOnlyList<SiteFacts> facts, AlertOptions options, RegionRuleOptions regions)
    {
        var readings = new List<AlertReading>(facts.Count * 2);
        foreach (var f in facts)
        {
            readings.Add(AlertRules.Scale(new AlertSubject("site", f.SiteId), f.VillageCode, RegionLevel.Site, f.Counts, regions, options));
            readings.Add(AlertRules.SiteEmployment(f.SiteId, f.VillageCode, f.LabourForce, f.Employed, f.Counts.Households, options));
        }
        return readings;
    }
}
