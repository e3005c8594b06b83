using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RiskMap.Geodata.Importing;
using RiskMap.Server.Auth;

namespace RiskMap.Server.Imports;

public static class ImportEndpoints
{
    private static readonly string[] CsvTypes = ["text/csv", "application/csv", "text/plain"];
    private static readonly string[] GeoJsonTypes = ["application/geo+json", "application/json"];
    private const int MaxRejectPage = 10_000;

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        // Imports are for data officers, rows within their area; boundaries redraw the map everyone
        // sees, so they are for administrators (units within their area).
        var imports = app.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(AccessPolicies.Ingest);
        imports.MapPost("/households", PostHouseholds);
        imports.MapPost("/boundaries", PostBoundaries).RequireAuthorization(AccessPolicies.Administer);
        imports.MapGet("/{id:long}", GetImport);
        imports.MapGet("/{id:long}/rejects", GetRejects);
        return app;
    }

    private static Task<Results<Created<ImportSummary>, Ok<ImportSummary>, ProblemHttpResult>> PostHouseholds(
        HttpContext http, string? source, Caller caller, HouseholdImporter importer, IOptions<ImportOptions> options, CancellationToken ct) =>
        ImportAsync(http, source ?? "upload.csv", CsvTypes, options.Value, input => importer.RunAsync(input, new ImportSender(caller.Actor, caller.Scope), null, ct), ct);

    private static Task<Results<Created<ImportSummary>, Ok<ImportSummary>, ProblemHttpResult>> PostBoundaries(
        HttpContext http, string? source, Caller caller, BoundaryImporter importer, IOptions<ImportOptions> options, CancellationToken ct) =>
        ImportAsync(http, source ?? "upload.geojson", GeoJsonTypes, options.Value, input => importer.RunAsync(input, new ImportSender(caller.Actor, caller.Scope), ct), ct);

    private static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> GetImport(long id, Caller caller, ImportQueries queries, CancellationToken ct) =>
        await queries.SummaryAsync(id, caller.Scope, ct) is { } summary ? TypedResults.Ok(summary) : UnknownImport(id);

    private static async Task<Results<Ok<IReadOnlyList<ImportRejectDto>>, ProblemHttpResult>> GetRejects(
        long id, int? offset, int? limit, Caller caller, ImportQueries queries, CancellationToken ct)
    {
        if (offset is < 0 || limit is < 1 or > MaxRejectPage)
            return TypedResults.Problem(title: "Invalid page", statusCode: StatusCodes.Status400BadRequest,
                detail: $"offset must be 0 or more and limit 1 to {MaxRejectPage:N0}");
        if (await queries.SummaryAsync(id, caller.Scope, ct) is null) return UnknownImport(id);
        return TypedResults.Ok(await queries.RejectsAsync(id, offset ?? 0, limit ?? 1_000, ct));
    }

    /// <summary>Checks the request, buffers the body (hashing it), runs the import, and maps what can go wrong to problems.</summary>
    private static async Task<Results<Created<ImportSummary>, Ok<ImportSummary>, ProblemHttpResult>> ImportAsync(
        HttpContext http, string source, string[] mediaTypes, ImportOptions options, Func<ImportInput, Task<ImportSummary>> run, CancellationToken ct)
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !mediaTypes.Contains(type.MediaType.Value, StringComparer.OrdinalIgnoreCase))
            return TypedResults.Problem(title: "Unsupported media type", statusCode: StatusCodes.Status415UnsupportedMediaType,
                detail: $"Content-Type must be {string.Join(" or ", mediaTypes)}, not '{request.ContentType}'");
        if (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            return TypedResults.Problem(title: "Unsupported charset", statusCode: StatusCodes.Status415UnsupportedMediaType,
                detail: $"imports are UTF-8; the request says charset={type.Charset}");
        if (source.Length is 0 or > 200)
            return TypedResults.Problem(title: "Invalid source", statusCode: StatusCodes.Status400BadRequest, detail: "source must be 1 to 200 characters");
        if (request.ContentLength > options.MaxUploadBytes) return TooLarge(options.MaxUploadBytes);
        // Kestrel's own default limit (30 MB) is below a register's size; ours replaces it.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = options.MaxUploadBytes;

        ImportInput input;
        try { input = await ImportInput.FromStreamAsync(request.Body, source, options.MaxUploadBytes, ct); }
        catch (ImportTooLargeException e) { return TooLarge(e.Limit); }
        using (input)
        {
            try
            {
                var summary = await run(input);
                return summary.Repeat ? TypedResults.Ok(summary) : TypedResults.Created($"/api/imports/{summary.ImportId}", summary);
            }
            catch (ImportFileException e)
            {
                return TypedResults.Problem(title: "Unusable file", statusCode: StatusCodes.Status400BadRequest, detail: e.Message);
            }
        }
    }

    private static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        title: "Upload too large", statusCode: StatusCodes.Status413PayloadTooLarge,
        detail: $"imports over HTTP are limited to {limit:N0} bytes (Imports:MaxUploadBytes); use ./riskmap import for larger files");

    private static ProblemHttpResult UnknownImport(long id) => TypedResults.Problem(
        title: "Unknown import", statusCode: StatusCodes.Status404NotFound, detail: $"no finished import from your area has id {id}");
}
