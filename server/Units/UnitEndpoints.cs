using Microsoft.AspNetCore.Http.HttpResults;
using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Units;

public static class UnitEndpoints
{
    public static IEndpointRouteBuilder MapUnitEndpoints(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/units").WithTags("Units");
        units.MapGet("/{code}", GetUnit);
        units.MapGet("/", ListChildren);
        units.MapGet("/{code}/history", GetHistory);
        return app;
    }

    private static async Task<Results<Ok<UnitDto>, ProblemHttpResult>> GetUnit(string code, UnitQueries queries, CancellationToken ct)
    {
        if (!UnitCode.TryParse(code, out var unit)) return BadCode("code", code);
        var dto = await queries.GetAsync(unit, ct);
        return dto is null ? NotFoundUnit(unit) : TypedResults.Ok(dto);
    }

    /// <summary>The children of <paramref name="parent"/>; without a <c>parent</c> parameter, the root units.</summary>
    private static async Task<Results<Ok<List<UnitDto>>, ProblemHttpResult>> ListChildren(
        string? parent, HttpRequest request, UnitQueries queries, CancellationToken ct)
    {
        if (!request.Query.ContainsKey("parent")) return TypedResults.Ok(await queries.RootsAsync(ct));
        if (!UnitCode.TryParse(parent, out var unit)) return BadCode("parent", parent);
        if (await queries.GetAsync(unit, ct) is null) return NotFoundUnit(unit);
        return TypedResults.Ok(await queries.ChildrenAsync(unit, ct));
    }

    private static async Task<Results<Ok<List<UnitHistoryPointDto>>, ProblemHttpResult>> GetHistory(
        string code, DateTimeOffset? from, DateTimeOffset? to, UnitQueries queries, TimeProvider time, CancellationToken ct)
    {
        if (!UnitCode.TryParse(code, out var unit)) return BadCode("code", code);
        var until = to ?? time.GetUtcNow();
        var since = from ?? until.AddDays(-30);
        if (since >= until)
            return TypedResults.Problem(title: "Invalid period", statusCode: StatusCodes.Status400BadRequest, detail: $"from ({since:O}) must be before to ({until:O})");
        if (await queries.GetAsync(unit, ct) is null) return NotFoundUnit(unit);
        return TypedResults.Ok(await queries.HistoryAsync(unit, since, until, ct));
    }

    private static ProblemHttpResult BadCode(string field, string? value) => TypedResults.Problem(
        title: "Invalid unit code", statusCode: StatusCodes.Status400BadRequest,
        detail: $"{field} must be a division code of 2, 4, 6, 9 or 12 digits (e.g. 513431000000), not '{value}'");

    private static ProblemHttpResult NotFoundUnit(UnitCode code) => TypedResults.Problem(
        title: "Unknown unit", statusCode: StatusCodes.Status404NotFound, detail: $"no administrative unit has code {code}");
}
