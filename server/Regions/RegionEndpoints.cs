using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace RiskMap.Server.Regions;

/// <summary>How an export is written.</summary>
public enum ExportFormat
{
    Csv,
    GeoJson,
}

/// <summary>Planner region queries, the visit list and its exports, and saved watch regions (docs/api.md § Regions).</summary>
public static class RegionEndpoints
{
    public static IEndpointRouteBuilder MapRegionEndpoints(this IEndpointRouteBuilder app)
    {
        var regions = app.MapGroup("/api/regions").WithTags("Regions");
        regions.MapPost("/query", (HttpRequest request, RegionQueries queries, IOptions<RegionOptions> options, CancellationToken ct) =>
            Query(() => BodySpecAsync(request, options.Value, ct), queries, ct));
        regions.MapPost("/query.csv", (HttpRequest request, RegionQueries queries, IOptions<RegionOptions> options, CancellationToken ct) =>
            FiguresFile(() => BodySpecAsync(request, options.Value, ct), ExportFormat.Csv, queries, ct));
        regions.MapPost("/query.geojson", (HttpRequest request, RegionQueries queries, IOptions<RegionOptions> options, CancellationToken ct) =>
            FiguresFile(() => BodySpecAsync(request, options.Value, ct), ExportFormat.GeoJson, queries, ct));
        regions.MapGet("/{id:long}/figures", (long id, RegionQueries queries, CancellationToken ct) => Query(() => Saved(id), queries, ct));
        regions.MapGet("/{id:long}/figures.csv", (long id, RegionQueries queries, CancellationToken ct) => FiguresFile(() => Saved(id), ExportFormat.Csv, queries, ct));
        regions.MapGet("/{id:long}/figures.geojson", (long id, RegionQueries queries, CancellationToken ct) => FiguresFile(() => Saved(id), ExportFormat.GeoJson, queries, ct));

        regions.MapGet("/", List);
        regions.MapPost("/", Create);
        regions.MapGet("/{id:long}", Get);
        regions.MapPatch("/{id:long}", Rename);
        regions.MapDelete("/{id:long}", Delete);

        // The visit list names households: only for roles allowed to see them (domain.md § Privacy).
        // The policy lets everyone through until authentication arrives (RegionPolicies).
        var households = app.MapGroup("/api/regions").WithTags("Regions").RequireAuthorization(RegionPolicies.SeeHouseholds);
        households.MapPost("/households", (HttpRequest request, int? offset, int? limit, int? minLevel, RegionQueries queries, IOptions<RegionOptions> options, CancellationToken ct) =>
            HouseholdPage(() => BodySpecAsync(request, options.Value, ct), offset, limit, minLevel, queries, options.Value, ct));
        households.MapPost("/households.csv", (HttpRequest request, int? minLevel, RegionQueries queries, IOptions<RegionOptions> options, CancellationToken ct) =>
            HouseholdFile(() => BodySpecAsync(request, options.Value, ct), minLevel, ExportFormat.Csv, queries, ct));
        households.MapPost("/households.geojson", (HttpRequest request, int? minLevel, RegionQueries queries, IOptions<RegionOptions> options, CancellationToken ct) =>
            HouseholdFile(() => BodySpecAsync(request, options.Value, ct), minLevel, ExportFormat.GeoJson, queries, ct));
        households.MapGet("/{id:long}/households", (long id, int? offset, int? limit, int? minLevel, RegionQueries queries, IOptions<RegionOptions> options, CancellationToken ct) =>
            HouseholdPage(() => Saved(id), offset, limit, minLevel, queries, options.Value, ct));
        households.MapGet("/{id:long}/households.csv", (long id, int? minLevel, RegionQueries queries, CancellationToken ct) =>
            HouseholdFile(() => Saved(id), minLevel, ExportFormat.Csv, queries, ct));
        households.MapGet("/{id:long}/households.geojson", (long id, int? minLevel, RegionQueries queries, CancellationToken ct) =>
            HouseholdFile(() => Saved(id), minLevel, ExportFormat.GeoJson, queries, ct));
        return app;
    }

    private static async Task<Results<Ok<RegionQueryDto>, ProblemHttpResult>> Query(Func<Task<RegionSpec>> spec, RegionQueries queries, CancellationToken ct)
    {
        try { return TypedResults.Ok(RegionDtos.Report(await queries.ReportAsync(await spec(), ct))); }
        catch (RegionFault f) { return Problem(f); }
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FiguresFile(
        Func<Task<RegionSpec>> spec, ExportFormat format, RegionQueries queries, CancellationToken ct)
    {
        try { return File(await queries.FiguresExportAsync(await spec(), ct), format, "region-figures"); }
        catch (RegionFault f) { return Problem(f); }
    }

    private static async Task<Results<Ok<VisitPageDto>, ProblemHttpResult>> HouseholdPage(
        Func<Task<RegionSpec>> spec, int? offset, int? limit, int? minLevel, RegionQueries queries, RegionOptions options, CancellationToken ct)
    {
        try
        {
            CheckPage(offset, limit, minLevel, options);
            var (shape, page) = await queries.HouseholdsAsync(await spec(), minLevel ?? 1, limit ?? options.DefaultPageSize, offset ?? 0, ct);
            return TypedResults.Ok(RegionDtos.VisitPage(shape, page));
        }
        catch (RegionFault f) { return Problem(f); }
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HouseholdFile(
        Func<Task<RegionSpec>> spec, int? minLevel, ExportFormat format, RegionQueries queries, CancellationToken ct)
    {
        try
        {
            CheckPage(null, null, minLevel, null);
            var (_, page) = await queries.HouseholdsAsync(await spec(), minLevel ?? 1, null, 0, ct);
            return File(RegionExports.Households(page.Households), format, "region-households");
        }
        catch (RegionFault f) { return Problem(f); }
    }

    private static async Task<Ok<List<WatchRegionDto>>> List(WatchRegions regions, CancellationToken ct) =>
        TypedResults.Ok((await regions.ListAsync(ct)).Select(r => RegionDtos.WatchRegion(r)).ToList());

    private static async Task<Results<Ok<WatchRegionDto>, ProblemHttpResult>> Get(long id, WatchRegions regions, CancellationToken ct) =>
        await regions.GetAsync(id, ct) is { } r ? TypedResults.Ok(RegionDtos.WatchRegion(r)) : Problem(UnknownRegion(id));

    /// <summary>Body: <c>{"name": "…", "geometry": {GeoJSON} | "unitCode": "…", "rules": [{"metric", "raiseThreshold", "clearThreshold", "minimumHouseholds"}]}</c>.</summary>
    private static async Task<Results<Created<WatchRegionDto>, ProblemHttpResult>> Create(
        HttpRequest request, WatchRegions regions, IOptions<RegionOptions> options, IOptions<Risk.RegionRuleOptions> rules, CancellationToken ct)
    {
        try
        {
            using var body = await RegionInput.ReadJsonAsync(request, options.Value, ct);
            var (name, spec, ruleList) = WatchRegionInput.Read(body.RootElement, options.Value, rules.Value.MinimumHouseholds);
            var (region, notes) = await regions.CreateAsync(name, spec, ruleList, ct);
            return TypedResults.Created($"/api/regions/{region.RegionId}", RegionDtos.WatchRegion(region, notes));
        }
        catch (RegionFault f) { return Problem(f); }
    }

    /// <summary>Body: <c>{"name": "…"}</c>.</summary>
    private static async Task<Results<Ok<WatchRegionDto>, ProblemHttpResult>> Rename(
        long id, HttpRequest request, WatchRegions regions, IOptions<RegionOptions> options, CancellationToken ct)
    {
        try
        {
            using var body = await RegionInput.ReadJsonAsync(request, options.Value, ct);
            var name = WatchRegionInput.NameOf(body.RootElement);
            return await regions.RenameAsync(id, name, ct) is { } r ? TypedResults.Ok(RegionDtos.WatchRegion(r)) : Problem(UnknownRegion(id));
        }
        catch (RegionFault f) { return Problem(f); }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(long id, WatchRegions regions, CancellationToken ct) =>
        await regions.DeleteAsync(id, ct) ? TypedResults.NoContent() : Problem(UnknownRegion(id));

    private static async Task<RegionSpec> BodySpecAsync(HttpRequest request, RegionOptions options, CancellationToken ct)
    {
        using var body = await RegionInput.ReadJsonAsync(request, options, ct);
        return RegionInput.SpecOf(body.RootElement, options);
    }

    private static Task<RegionSpec> Saved(long id) => Task.FromResult<RegionSpec>(new SavedRegion(id));

    private static void CheckPage(int? offset, int? limit, int? minLevel, RegionOptions? options)
    {
        if (offset is < 0 || minLevel is < 0 or > 3 || (options is not null && limit is { } l && (l < 1 || l > options.MaxPageSize)))
            throw new RegionFault(RegionFault.InvalidPage,
                $"offset must be 0 or more, limit 1 to {options?.MaxPageSize ?? 0:N0} (Regions:MaxPageSize) and minLevel 0 to 3");
    }

    private static FileContentHttpResult File(ExportTable table, ExportFormat format, string name) => format == ExportFormat.Csv
        ? TypedResults.File(table.ToCsv(), "text/csv; charset=utf-8", name + ".csv")
        : TypedResults.File(table.ToGeoJson(), "application/geo+json", name + ".geojson");

    private static RegionFault UnknownRegion(long id) => RegionFault.NotFound(RegionFault.UnknownRegion, $"no saved region has id {id}");

    private static ProblemHttpResult Problem(RegionFault f) => TypedResults.Problem(title: f.Title, statusCode: f.Status, detail: f.Message);
}

/// <summary>The body of a new saved region, or of a rename.</summary>
public static class WatchRegionInput
{
    private sealed record RuleInput(string? Metric, double? RaiseThreshold, double? ClearThreshold, int? MinimumHouseholds);

    /// <exception cref="RegionFault">Not an object, no region or two, malformed rules.</exception>
    public static (string? Name, RegionSpec Spec, IReadOnlyList<WatchRule> Rules) Read(JsonElement root, RegionOptions options, int defaultMinimumHouseholds)
    {
        var name = NameOf(root);
        var hasGeometry = root.TryGetProperty("geometry", out var geometry);
        var hasUnit = root.TryGetProperty("unitCode", out var unit);
        if (hasGeometry == hasUnit)
            throw new RegionFault(RegionFault.InvalidRequest, "a saved region needs exactly one of \"geometry\" (GeoJSON Polygon, MultiPolygon or Feature) and \"unitCode\"");
        RegionSpec spec = hasGeometry ? RegionInput.Drawn(geometry, options) : new UnitRegion(RegionInput.UnitCodeOf(unit));
        var rules = new List<WatchRule>();
        if (root.TryGetProperty("rules", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array) throw new RegionFault(RegionFault.InvalidRule, "rules must be an array of rules");
            foreach (var element in list.EnumerateArray())
            {
                RuleInput? rule;
                try { rule = element.Deserialize<RuleInput>(JsonSerializerOptions.Web); }
                catch (JsonException e) { throw new RegionFault(RegionFault.InvalidRule, $"rule {rules.Count}: {e.Message}"); }
                if (rule?.Metric is null || rule.RaiseThreshold is null || rule.ClearThreshold is null)
                    throw new RegionFault(RegionFault.InvalidRule, $"rule {rules.Count}: metric, raiseThreshold and clearThreshold are required");
                rules.Add(new WatchRule(null, rule.Metric, rule.RaiseThreshold.Value, rule.ClearThreshold.Value, rule.MinimumHouseholds ?? defaultMinimumHouseholds));
            }
        }
        return (name, spec, rules);
    }

    public static string? NameOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new RegionFault(RegionFault.InvalidRequest, "the body must be a JSON object");
        return root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
    }
}
