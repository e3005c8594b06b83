using Microsoft.AspNetCore.Http.HttpResults;
using RiskMap.Server.Households;

namespace RiskMap.Server.Ingest;

public static class IngestEndpoints
{
    private const int MaxEventPage = 1_000;

    public static IEndpointRouteBuilder MapIngestEndpoints(this IEndpointRouteBuilder app)
    {
        // Seam for authentication (a later issue): ingest is for data officers; add
        // .RequireAuthorization(<data-officer policy>) to this group and every route inherits it.
        var ingest = app.MapGroup("/api").WithTags("Ingest");
        ingest.MapPost("/households/batch", PostBatch);
        ingest.MapPatch("/households/{id}", PatchHousehold);
        ingest.MapPost("/households/{id}/assistance", PostAssistance);
        ingest.MapPost("/households/{id}/visits", PostVisit);
        ingest.MapPost("/events", PostEvent);
        ingest.MapGet("/events", GetEvents);
        ingest.MapGet("/events/{id}", GetEvent);
        return app;
    }

    private static Task<Results<Ok<BatchAnswer>, ContentHttpResult, ProblemHttpResult>> PostBatch(HttpContext http, HouseholdBatch batch, CancellationToken ct) =>
        batch.PostAsync(http, ct);

    private static Task<Results<Ok<HouseholdRiskDto>, ContentHttpResult, ProblemHttpResult>> PatchHousehold(string id, HttpContext http, HouseholdChanges changes, CancellationToken ct) =>
        changes.PatchAsync(http, id, ct);

    private static Task<Results<Ok<HouseholdRiskDto>, ContentHttpResult, ProblemHttpResult>> PostAssistance(string id, HttpContext http, HouseholdChanges changes, CancellationToken ct) =>
        changes.AddAssistanceAsync(http, id, ct);

    private static Task<Results<Ok<HouseholdRiskDto>, ContentHttpResult, ProblemHttpResult>> PostVisit(string id, HttpContext http, HouseholdChanges changes, CancellationToken ct) =>
        changes.AddVisitAsync(http, id, ct);

    private static Task<Results<Ok<AreaEventDto>, ContentHttpResult, ProblemHttpResult>> PostEvent(HttpContext http, AreaEvents events, CancellationToken ct) =>
        events.PostAsync(http, ct);

    private static async Task<Results<Ok<IReadOnlyList<AreaEventDto>>, ProblemHttpResult>> GetEvents(int? limit, int? offset, AreaEventQueries queries, CancellationToken ct)
    {
        if (offset is < 0 || limit is < 1 or > MaxEventPage)
            return IngestProblems.Of(StatusCodes.Status400BadRequest, "Invalid page", $"offset must be 0 or more and limit 1 to {MaxEventPage:N0}");
        return TypedResults.Ok(await queries.ListAsync(limit ?? 100, offset ?? 0, ct));
    }

    private static async Task<Results<Ok<AreaEventFeatureDto>, ProblemHttpResult>> GetEvent(string id, AreaEventQueries queries, CancellationToken ct) =>
        await queries.FeatureAsync(id, ct) is { } feature
            ? TypedResults.Ok(feature)
            : IngestProblems.Of(StatusCodes.Status404NotFound, "Unknown event", $"no area event has id '{id}'");
}
