using System.Text.Json;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Database;
using RiskMap.Server.Households;

namespace RiskMap.Server.Regions;

/// <summary>A household to visit (入户排查): where it is, how bad, and why, from the risk model.</summary>
public sealed record VisitHousehold(
    string HouseholdId, string VillageCode, string VillageName, int Level, float Score, string? Category,
    string Monitoring, IReadOnlyList<string> WorkGaps, IReadOnlyList<ReasonDto> Reasons, DateOnly? LastVisitOn, double Lon, double Lat);

/// <summary>One page of a region's visit list and how many households the whole list holds.</summary>
public sealed record VisitPage(int Total, int Offset, int Limit, int MinLevel, IReadOnlyList<VisitHousehold> Households);

/// <summary>The households to visit in a region, worst first (region_households.sql).</summary>
public static class RegionHouseholds
{
    /// <summary>A page of the list (<c>limit</c> households after <c>offset</c>; a null limit: the whole list) and the total.</summary>
    public static async Task<(int Total, List<VisitHousehold> Page)> ReadAsync(
        NpgsqlConnection conn, NpgsqlTransaction? tx, byte[] wkb, RegionCoverage coverage, int minLevel, int? limit, int offset, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Regions.region_households"), conn, tx);
        cmd.Parameters.Add(new() { Value = wkb });
        cmd.Parameters.Add(new() { Value = coverage.WholeVillages });
        cmd.Parameters.Add(new() { Value = coverage.WholeVillageCounties });
        cmd.Parameters.Add(new() { Value = coverage.CrossingVillages });
        cmd.Parameters.Add(new() { Value = coverage.CrossingVillageCounties });
        cmd.Parameters.Add(new() { Value = (short)minLevel });
        cmd.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = limit, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        cmd.Parameters.Add(new() { Value = offset });
        cmd.Parameters.Add(new() { Value = coverage.Area.First });
        cmd.Parameters.Add(new() { Value = coverage.Area.Last });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var total = 0;
        var page = new List<VisitHousehold>();
        while (await r.ReadAsync(ct))
        {
            total = r.GetInt32(0);
            if (r.IsDBNull(1)) continue;
            var gaps = new List<string>();
            if (r.GetBoolean(9)) gaps.Add("shouldMonitor");
            if (r.GetBoolean(10)) gaps.Add("unassisted");
            if (r.GetBoolean(11)) gaps.Add("shouldExit");
            page.Add(new VisitHousehold(
                r.GetString(1), new UnitCode(r.GetInt64(2)).ToString(), r.GetString(3), r.GetInt16(4), r.IsDBNull(5) ? 0 : r.GetFloat(5),
                r.IsDBNull(6) ? null : HouseholdEndpoints.CategoryKey(r.GetInt16(6)),
                ((MonitoringStatus)r.GetInt16(8)).ToString(), gaps,
                JsonSerializer.Deserialize<List<ReasonDto>>(r.GetString(7), JsonSerializerOptions.Web) ?? [],
                r.IsDBNull(12) ? null : r.GetFieldValue<DateOnly>(12), r.GetDouble(13), r.GetDouble(14)));
        }
        return (total, page);
    }
}
