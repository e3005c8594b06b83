using Microsoft.AspNetCore.Http.HttpResults;
using RiskMap.Server.Auth;
using RiskMap.Server.Households;

namespace RiskMap.Server.Ingest;

public static class IngestEndpoints
{
    private const int MaxEventPage = 1_000;

    public static IEndpointRouteBuilder MapIngestEndpoints(this IEndpointRouteBuilder app)
    {
        // Writes are for data officers (and administrators), within their area; events are read by
        // anyone whose area they reached.
        var ingest = app.MapGroup("/api").WithTags("Ingest").RequireAuthorization(AccessPolicies.Ingest);
        ingest.MapPost("/households/batch", PostBatch);
        ingest.MapPatch("/households/{id}", PatchHousehold);
        ingest.MapPost("/households/{id}/assistance", PostAssistance);
        ingest.MapPost("/households/{id}/visits", PostVisit);
        ingest.MapPost("/events", PostEvent);
        var events = app.MapGroup("/api/events").WithTags("Ingest").RequireAuthorization(AccessPolicies.View);
        events.MapGet("/", GetEvents);
        events.MapGet("/{id}", GetEvent);
        return app;
    }

    private static Task<Results<Ok<BatchAnswer>, ContentHttpResult, ProblemHttpResult>> PostBatch(HttpContext http, Caller caller, HouseholdBatch batch, CancellationToken ct) =>
        batch.PostAsync(http, caller, ct);

    private static Task<Results<Ok<HouseholdRiskDto>, ContentHttpResult, ProblemHttpResult>> PatchHousehold(
        string id, HttpContext http, Caller caller, HouseholdChanges changes, CancellationToken ct) =>
        changes.PatchAsync(http, caller, id, ct);

    private static Task<Results<Ok<HouseholdRiskDto>, ContentHttpResult, ProblemHttpResult>> PostAssistance(
        string id, HttpContext http, Caller caller, HouseholdChanges changes, CancellationToken ct) =>
        changes.AddAssistanceAsync(http, caller, id, ct);

    private static Task<Results<Ok<HouseholdRiskDto>, ContentHttpResult, ProblemHttpResult>> PostVisit(
        string id, HttpContext http, Caller caller, HouseholdChanges changes, CancellationToken ct) =>
        changes.AddVisitAsync(http, caller, id, ct);

    private static Task<Results<Ok<AreaEventDto>, ContentHttpResult, ProblemHttpResult>> PostEvent(HttpContext http, Caller caller, AreaEvents events, CancellationToken ct) =>
        events.PostAsync(http, caller, ct);

    private static async Task<Results<Ok<IReadOnlyList<AreaEventDto>>, ProblemHttpResult>> GetEvents(
        int? limit, int? offset, Caller caller, AreaEventQueries queries, CancellationToken ct)
    {
        if (offset is < 0 || limit is < 1 or > MaxEventPage)
            return IngestProblems.Of(StatusCodes.Status400BadRequest, "Invalid page", $"offset must be 0 or more and limit 1 to {MaxEventPage:N0}");
        return TypedResults.Ok(await queries.ListAsync(limit ?? 100, offset ?? 0, caller.Scope, ct));
    }

    private static async Task<Results<Ok<AreaEventFeatureDto>, ProblemHttpResult>> GetEvent(string id, Caller caller, AreaEventQueries queries, CancellationToken ct) =>
        await queries.FeatureAsync(id, caller.Scope, ct) is { } feature
            ? TypedResults.Ok(feature)
            : IngestProblems.Of(StatusCodes.Status404NotFound, "Unknown event", $"no area event in your area has id '{id}'");
}
