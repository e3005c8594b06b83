using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;

namespace RiskMap.Server.Households;

/// <summary>A reason the risk model gave: stable key, the number it quotes, Chinese and English text.</summary>
public sealed record ReasonDto(string Key, double? Value, string Zh, string En);

/// <summary>One household's warning level and why (no personal data: the register holds none beyond the id).</summary>
public sealed record HouseholdRiskDto(
    string HouseholdId, string VillageCode, int Level, float Score, string? Category, IReadOnlyList<ReasonDto> Reasons,
    string ModelVersion, IReadOnlyList<string> WorkGaps, string Monitoring, DateOnly? MonitoredSince,
    DateOnly? LastAssistanceOn, DateOnly? LastVisitOn, bool Relocated, long? SiteId, DateTimeOffset UpdatedAt);

public static class HouseholdEndpoints
{
    public static IEndpointRouteBuilder MapHouseholdEndpoints(this IEndpointRouteBuilder app)
    {
        // Household data for roles that may see it, in their area: one outside it is "unknown", as one that does not exist.
        app.MapGroup("/api/households").WithTags("Households").RequireAuthorization(AccessPolicies.SeeHouseholds).MapGet("/{id}", GetHousehold);
        return app;
    }

    private static async Task<Results<Ok<HouseholdRiskDto>, ProblemHttpResult>> GetHousehold(string id, Caller caller, NpgsqlDataSource db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
            return TypedResults.Problem(title: "Invalid household id", statusCode: StatusCodes.Status400BadRequest, detail: "id must be 1 to 64 characters");
        await using var conn = await db.OpenConnectionAsync(ct);
        var (found, risk) = await ReadRiskAsync(conn, null, id, caller.Scope, ct);
        if (!found)
            return TypedResults.Problem(title: "Unknown household", statusCode: StatusCodes.Status404NotFound, detail: $"no household in your area has id '{id}'");
        if (risk is null)
            return TypedResults.Problem(title: "Household not assessed yet", statusCode: StatusCodes.Status409Conflict,
                detail: "the household was bulk-loaded and the risk model has not run on it yet (./riskmap rebuild)");
        return TypedResults.Ok(risk);
    }

    /// <summary>
    /// One household's assessment by id, read on <paramref name="conn"/> (inside a writer's transaction
    /// it sees the change just made): whether the household exists in <paramref name="area"/>, and its
    /// assessment (null when it was bulk-loaded and not assessed yet).
    /// </summary>
    public static async Task<(bool Found, HouseholdRiskDto? Risk)> ReadRiskAsync(
        NpgsqlConnection conn, NpgsqlTransaction? tx, string id, AreaScope area, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Households.household_by_id"), conn, tx);
        cmd.Parameters.Add(new() { Value = id });
        cmd.Parameters.Add(new() { Value = area.First });
        cmd.Parameters.Add(new() { Value = area.Last });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return (false, null);
        if (r.IsDBNull(2)) return (true, null);
        var gaps = new List<string>();
        if (r.GetBoolean(7)) gaps.Add("shouldMonitor");
        if (r.GetBoolean(8)) gaps.Add("unassisted");
        if (r.GetBoolean(9)) gaps.Add("shouldExit");
        return (true, new HouseholdRiskDto(
            r.GetString(0), new UnitCode(r.GetInt64(1)).ToString(), r.GetInt16(2), r.GetFloat(3),
            r.IsDBNull(4) ? null : CategoryKey(r.GetInt16(4)),
            JsonSerializer.Deserialize<List<ReasonDto>>(r.GetString(5), JsonSerializerOptions.Web) ?? [],
            r.GetString(6), gaps, ((MonitoringStatus)r.GetInt16(10)).ToString(), Date(r, 11), Date(r, 12), Date(r, 13),
            r.GetBoolean(14), r.IsDBNull(15) ? null : r.GetInt64(15), r.GetFieldValue<DateTimeOffset>(16)));
    }

    internal static string CategoryKey(short category) => category switch
    {
        1 => "unstableFormerlyPoor",
        2 => "marginalAtRisk",
        _ => "suddenHardship",
    };

    private static DateOnly? Date(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
}
