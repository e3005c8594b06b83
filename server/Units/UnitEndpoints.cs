using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Units;

public static class UnitEndpoints
{
    public static IEndpointRouteBuilder MapUnitEndpoints(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/units").WithTags("Units");
        units.MapGet("/{code}", GetUnit);
        units.MapGet("/", ListChildren);
        return app;
    }

    private static async Task<Results<Ok<UnitDto>, NotFound<ProblemDetails>, ProblemHttpResult>> GetUnit(string code, UnitQueries queries, CancellationToken ct)
    {
        if (!UnitCode.TryParse(code, out var unit)) return BadCode("code", code);
        var dto = await queries.GetAsync(unit, ct);
        return dto is null ? NotFoundUnit(unit) : TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<List<UnitDto>>, NotFound<ProblemDetails>, ProblemHttpResult>> ListChildren(string? parent, UnitQueries queries, CancellationToken ct)
    {
        if (!UnitCode.TryParse(parent, out var unit)) return BadCode("parent", parent);
        if (await queries.GetAsync(unit, ct) is null) return NotFoundUnit(unit);
        return TypedResults.Ok(await queries.ChildrenAsync(unit, ct));
    }

    private static ProblemHttpResult BadCode(string field, string? value) => TypedResults.Problem(
        title: "Invalid unit code", statusCode: StatusCodes.Status400BadRequest,
        detail: $"{field} must be a division code of 2, 4, 6, 9 or 12 digits (e.g. 513431000000), not '{value}'");

    private static NotFound<ProblemDetails> NotFoundUnit(UnitCode code) => TypedResults.NotFound(new ProblemDetails
    {
        Title = "Unknown unit", Status = StatusCodes.Status404NotFound, Detail = $"no administrative unit has code {code}",
    });
}
