using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Auth;

namespace RiskMap.Server.Units;

public static class UnitEndpoints
{
    public static IEndpointRouteBuilder MapUnitEndpoints(this IEndpointRouteBuilder app)
    {
        // Units in the caller's area only: a unit outside it is "unknown", as one that does not exist.
        var units = app.MapGroup("/api/units").WithTags("Units").RequireAuthorization(AccessPolicies.View);
        units.MapGet("/search", Search);
        units.MapGet("/{code}", GetUnit);
        units.MapGet("/", ListChildren);
        units.MapGet("/{code}/history", GetHistory);
        units.MapGet("/{code}/as-of", GetAsOf);
        return app;
    }

    private static async Task<Results<Ok<UnitDto>, ProblemHttpResult>> GetUnit(
        string code, Caller caller, UnitQueries queries, IOptions<PrivacyOptions> privacy, CancellationToken ct)
    {
        if (!UnitCode.TryParse(code, out var unit)) return BadCode("code", code);
        if (!caller.Scope.Contains(unit)) return NotFoundUnit(unit);
        var dto = await queries.GetAsync(unit, SmallCounts.For(caller, privacy.Value), ct);
        return dto is null ? NotFoundUnit(unit) : TypedResults.Ok(dto);
    }

    /// <summary>The children of <paramref name="parent"/>; without a <c>parent</c> parameter, the caller's roots (their area's unit, or the country's roots).</summary>
    private static async Task<Results<Ok<List<UnitDto>>, ProblemHttpResult>> ListChildren(
        string? parent, HttpRequest request, Caller caller, UnitQueries queries, IOptions<PrivacyOptions> privacy, CancellationToken ct)
    {
        var counts = SmallCounts.For(caller, privacy.Value);
        if (!request.Query.ContainsKey("parent")) return TypedResults.Ok(await queries.RootsAsync(caller.Scope, counts, ct));
        if (!UnitCode.TryParse(parent, out var unit)) return BadCode("parent", parent);
        if (!caller.Scope.Contains(unit) || await queries.GetAsync(unit, counts, ct) is null) return NotFoundUnit(unit);
        return TypedResults.Ok(await queries.ChildrenAsync(unit, counts, ct));
    }

    /// <summary>Units in the caller's area whose name contains <paramref name="q"/> or whose code starts with it, best first.</summary>
    private static async Task<Results<Ok<List<UnitSearchHitDto>>, ProblemHttpResult>> Search(
        string? q, int? limit, Caller caller, UnitSearch search, CancellationToken ct)
    {
        var text = q?.Trim() ?? "";
        if (text.Length is 0 or > UnitSearch.MaxQueryLength)
            return TypedResults.Problem(title: "Invalid search", statusCode: StatusCodes.Status400BadRequest,
                detail: $"q must be 1 to {UnitSearch.MaxQueryLength} characters: part of a unit's name or the start of its code");
        var take = limit ?? UnitSearch.DefaultLimit;
        if (take is < 1 or > UnitSearch.MaxLimit)
            return TypedResults.Problem(title: "Invalid limit", statusCode: StatusCodes.Status400BadRequest,
                detail: $"limit must be between 1 and {UnitSearch.MaxLimit}, not {take}");
        return TypedResults.Ok(await search.FindAsync(text, caller.Scope, take, ct));
    }

    private static async Task<Results<Ok<List<UnitHistoryPointDto>>, ProblemHttpResult>> GetHistory(
        string code, DateTimeOffset? from, DateTimeOffset? to, Caller caller, UnitQueries queries, IOptions<PrivacyOptions> privacy, TimeProvider time, CancellationToken ct)
    {
        if (!UnitCode.TryParse(code, out var unit)) return BadCode("code", code);
        var until = to ?? time.GetUtcNow();
        var since = from ?? until.AddDays(-30);
        if (since >= until)
            return TypedResults.Problem(title: "Invalid period", statusCode: StatusCodes.Status400BadRequest, detail: $"from ({since:O}) must be before to ({until:O})");
        var counts = SmallCounts.For(caller, privacy.Value);
        if (!caller.Scope.Contains(unit) || await queries.GetAsync(unit, counts, ct) is null) return NotFoundUnit(unit);
        return TypedResults.Ok(await queries.HistoryAsync(unit, since, until, counts, ct));
    }

    /// <summary>The map as it was at <paramref name="at"/>: the figures of the unit and every unit under it then.</summary>
    private static async Task<Results<Ok<UnitsAsOfDto>, ProblemHttpResult>> GetAsOf(
        string code, DateTimeOffset? at, Caller caller, UnitQueries queries, IOptions<PrivacyOptions> privacy, CancellationToken ct)
    {
        if (!UnitCode.TryParse(code, out var unit)) return BadCode("code", code);
        if (at is not { } moment)
            return TypedResults.Problem(title: "Invalid time", statusCode: StatusCodes.Status400BadRequest,
                detail: "at is required: the moment to show, as an ISO 8601 time with its offset (e.g. 2026-11-23T10:00:00+08:00)");
        if (!caller.Scope.Contains(unit)) return NotFoundUnit(unit);
        // The answer starts with the unit itself when it exists (parents first): no second query to ask whether it does.
        var counts = SmallCounts.For(caller, privacy.Value);
        var units = await queries.AsOfAsync(AreaScope.Of(unit), moment, counts, ct);
        if (units.Count == 0 || units[0].Code != unit.ToString()) return NotFoundUnit(unit);
        return TypedResults.Ok(new UnitsAsOfDto(moment, units, await queries.SitesAsOfAsync(AreaScope.Of(unit), moment, counts, ct)));
    }

    private static ProblemHttpResult BadCode(string field, string? value) => TypedResults.Problem(
        title: "Invalid unit code", statusCode: StatusCodes.Status400BadRequest,
        detail: $"{field} must be a division code of 2, 4, 6, 9 or 12 digits (e.g. 513431000000), not '{value}'");

    private static ProblemHttpResult NotFoundUnit(UnitCode code) => TypedResults.Problem(
        title: "Unknown unit", statusCode: StatusCodes.Status404NotFound, detail: $"no administrative unit in your area has code {code}");
}
