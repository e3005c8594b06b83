using Microsoft.AspNetCore.Http.HttpResults;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Auth;

namespace RiskMap.Server.Exports;

public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        // Household records leave the server here: for roles that see households, within their
        // area, every export recorded in export_audit before its first byte.
        var exports = app.MapGroup("/api/exports").WithTags("Exports").RequireAuthorization(AccessPolicies.SeeHouseholds);
        exports.MapGet("/households.csv", GetHouseholds);
        return app;
    }

    /// <summary>
    /// <c>GET /api/exports/households.csv?unit=</c>: the households under <c>unit</c> (default: the
    /// caller's whole area) in the households import's format, UTF-8 with a byte-order mark.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> GetHouseholds(
        HttpContext http, Caller caller, DataExporter exporter, ExportAudit audit, CancellationToken ct, string? unit = null)
    {
        var area = caller.Scope;
        if (unit is not null)
        {
            if (!UnitCode.TryParse(unit, out var code))
                return TypedResults.Problem(title: "Invalid unit code", statusCode: StatusCodes.Status400BadRequest,
                    detail: $"unit must be a division code of 2, 4, 6, 9 or 12 digits, not '{unit}'");
            if (!caller.Scope.Contains(code))
                return TypedResults.Problem(title: "Unknown unit", statusCode: StatusCodes.Status404NotFound, detail: $"no administrative unit in your area has code {code}");
            area = AreaScope.Of(code);
        }
        var auditId = await audit.StartAsync(caller, "households.csv", area, ct);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"households-{area}.csv\"";
        http.Response.Headers.CacheControl = "no-store";
        var rows = await exporter.WriteHouseholdsAsync(http.Response.Body, area, ct);
        await audit.FinishAsync(auditId, rows, ct);
        return TypedResults.Empty;
    }
}
