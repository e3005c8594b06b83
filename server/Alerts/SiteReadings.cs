using Npgsql;
using RiskMap.Server.Database;
using RiskMap.Server.Risk;

namespace RiskMap.Server.Alerts;

/// <summary>The site rules' readings (scale and employment), from the sites' rows and figures.</summary>
public static class SiteReadings
{
    /// <summary>The readings of <paramref name="siteIds"/> (null: every site).</summary>
    public static async Task<List<AlertReading>> ReadAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyCollection<long>? siteIds, AlertOptions options, RegionRuleOptions regions, CancellationToken ct)
    {
        var readings = new List<AlertReading>();
        if (siteIds is { Count: 0 }) return readings;
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Alerts.site_facts"), conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<long[]?> { TypedValue = siteIds?.ToArray() });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var (site, village) = (r.GetInt64(0), r.GetInt64(1));
            var counts = new LevelCounts(r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7));
            readings.Add(AlertRules.Scale(new AlertSubject("site", site), village, RegionLevel.Site, counts, regions, options));
            readings.Add(AlertRules.SiteEmployment(site, village, r.GetInt32(2), r.GetInt32(3), counts.Households, options));
        }
        return readings;
    }
}
