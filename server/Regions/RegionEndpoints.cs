using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RiskMap.Server.Auth;
using RiskMap.Server.Exports;

namespace RiskMap.Server.Regions;

/// <summary>How an export is written.</summary>
public enum ExportFormat
{
    Csv,
    GeoJson,
}

/// <summary>
/// Planner region queries, the visit list and its exports, and saved watch regions (docs/api.md §
/// Regions): for planners and administrators, within their area (RegionShapes, RegionCoverage);
/// every file exported is audited (export_audit).
/// </summary>
public static class RegionEndpoints
{
    public static IEndpointRouteBuilder MapRegionEndpoints(this IEndpointRouteBuilder app)
    {
        var regions = app.MapGroup("/api/regions").WithTags("Regions").RequireAuthorization(AccessPolicies.Plan);
        regions.MapPost("/query", (HttpRequest request, Caller caller, RegionQueries queries, IOptions<RegionOptions> options, CancellationToken ct) =>
            Query(() => BodySpecAsync(request, options.Value, ct), caller, queries, ct));
        regions.MapPost("/query.csv", (HttpRequest request, Caller caller, RegionQueries queries, ExportAudit audit, IOptions<RegionOptions> options, CancellationToken ct) =>
            FiguresFile(() => BodySpecAsync(request, options.Value, ct), ExportFormat.Csv, caller, queries, audit, ct));
        regions.MapPost("/query.geojson", (HttpRequest request, Caller caller, RegionQueries queries, ExportAudit audit, IOptions<RegionOptions> options, CancellationToken ct) =>
            FiguresFile(() => BodySpecAsync(request, options.Value, ct), ExportFormat.GeoJson, caller, queries, audit, ct));
        regions.MapGet("/{id:long}/figures", (long id, Caller caller, RegionQueries queries, CancellationToken ct) => Query(() => Saved(id), caller, queries, ct));
        regions.MapGet("/{id:long}/figures.csv", (long id, Caller caller, RegionQueries queries, ExportAudit audit, CancellationToken ct) =>
            FiguresFile(() => Saved(id), ExportFormat.Csv, caller, queries, audit, ct));
        regions.MapGet("/{id:long}/figures.geojson", (long id, Caller caller, RegionQueries queries, ExportAudit audit, CancellationToken ct) =>
            FiguresFile(() => Saved(id), ExportFormat.GeoJson, caller, queries, audit, ct));

        regions.MapGet("/", List);
        regions.MapPost("/", Create);
        regions.MapGet("/{id:long}", Get);
        regions.MapPatch("/{id:long}", Rename);
        regions.MapDelete("/{id:long}", Delete);

        // The visit list names households: only for roles allowed to see them (domain.md § Privacy).
        var households = app.MapGroup("/api/regions").WithTags("Regions")
            .RequireAuthorization(AccessPolicies.Plan).RequireAuthorization(RegionPolicies.SeeHouseholds);
        households.MapPost("/households", (HttpRequest request, int? offset, int? limit, int? minLevel, Caller caller, RegionQueries queries, IOptions<RegionOptions> options, CancellationToken ct) =>
            HouseholdPage(() => BodySpecAsync(request, options.Value, ct), offset, limit, minLevel, caller, queries, options.Value, ct));
        households.MapPost("/households.csv", (HttpRequest request, int? minLevel, Caller caller, RegionQueries queries, ExportAudit audit, IOptions<RegionOptions> options, CancellationToken ct) =>
            HouseholdFile(() => BodySpecAsync(request, options.Value, ct), minLevel, ExportFormat.Csv, caller, queries, audit, ct));
        households.MapPost("/households.geojson", (HttpRequest request, int? minLevel, Caller caller, RegionQueries queries, ExportAudit audit, IOptions<RegionOptions> options, CancellationToken ct) =>
            HouseholdFile(() => BodySpecAsync(request, options.Value, ct), minLevel, ExportFormat.GeoJson, caller, queries, audit, ct));
        households.MapGet("/{id:long}/households", (long id, int? offset, int? limit, int? minLevel, Caller caller, RegionQueries queries, IOptions<RegionOptions> options, CancellationToken ct) =>
            HouseholdPage(() => Saved(id), offset, limit, minLevel, caller, queries, options.Value, ct));
        households.MapGet("/{id:long}/households.csv", (long id, int? minLevel, Caller caller, RegionQueries queries, ExportAudit audit, CancellationToken ct) =>
            HouseholdFile(() => Saved(id), minLevel, ExportFormat.Csv, caller, queries, audit, ct));
        households.MapGet("/{id:long}/households.geojson", (long id, int? minLevel, Caller caller, RegionQueries queries, ExportAudit audit, CancellationToken ct) =>
            HouseholdFile(() => Saved(id), minLevel, ExportFormat.GeoJson, caller, queries, audit, ct));
        return app;
    }

    private static async Task<Results<Ok<RegionQueryDto>, ProblemHttpResult>> Query(Func<Task<RegionSpec>> spec, Caller caller, RegionQueries queries, CancellationToken ct)
    {
        try { return TypedResults.Ok(RegionDtos.Report(await queries.ReportAsync(await spec(), caller.Scope, ct))); }
        catch (RegionFault f) { return Problem(f); }
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FiguresFile(
        Func<Task<RegionSpec>> spec, ExportFormat format, Caller caller, RegionQueries queries, ExportAudit audit, CancellationToken ct)
    {
        try
        {
            var table = await queries.FiguresExportAsync(await spec(), caller.Scope, ct);
            return await AuditedAsync(table, format, "region-figures", caller, audit, ct);
        }
        catch (RegionFault f) { return Problem(f); }
    }

    private static async Task<Results<Ok<VisitPageDto>, ProblemHttpResult>> HouseholdPage(
        Func<Task<RegionSpec>> spec, int? offset, int? limit, int? minLevel, Caller caller, RegionQueries queries, RegionOptions options, CancellationToken ct)
    {
        try
        {
            CheckPage(offset, limit, minLevel, options);
            var (shape, page) = await queries.HouseholdsAsync(await spec(), caller.Scope, minLevel ?? 1, limit ?? options.DefaultPageSize, offset ?? 0, ct);
            return TypedResults.Ok(RegionDtos.VisitPage(shape, page));
        }
        catch (RegionFault f) { return Problem(f); }
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HouseholdFile(
        Func<Task<RegionSpec>> spec, int? minLevel, ExportFormat format, Caller caller, RegionQueries queries, ExportAudit audit, CancellationToken ct)
    {
        try
        {
            CheckPage(null, null, minLevel, null);
            var (_, page) = await queries.HouseholdsAsync(await spec(), caller.Scope, minLevel ?? 1, null, 0, ct);
            return await AuditedAsync(RegionExports.Households(page.Households), format, "region-households", caller, audit, ct);
        }
        catch (RegionFault f) { return Problem(f); }
    }

    /// <summary>The file, recorded in export_audit (who, which file, how many rows) before it leaves.</summary>
    private static async Task<FileContentHttpResult> AuditedAsync(ExportTable table, ExportFormat format, string name, Caller caller, ExportAudit audit, CancellationToken ct)
    {
        var file = File(table, format, name);
        var auditId = await audit.StartAsync(caller, file.FileDownloadName!, caller.Scope, ct);
        await audit.FinishAsync(auditId, table.Rows.Count, ct);
        return file;
    }

    private static async Task<Ok<List<WatchRegionDto>>> List(Caller caller, WatchRegions regions, CancellationToken ct) =>
        TypedResults.Ok((await regions.ListAsync(caller.Scope, ct)).Select(r => RegionDtos.WatchRegion(r)).ToList());

    private static async Task<Results<Ok<WatchRegionDto>, ProblemHttpResult>> Get(long id, Caller caller, WatchRegions regions, CancellationToken ct) =>
        await regions.GetAsync(id, caller.Scope, ct) is { } r ? TypedResults.Ok(RegionDtos.WatchRegion(r)) : Problem(UnknownRegion(id));

    /// <summary>Body: <c>{"name": "…", "geometry": {GeoJSON} | "unitCode": "…", "rules": [{"metric", "raiseThreshold", "clearThreshold", "minimumHouseholds"}]}</c>.</summary>
    private static async Task<Results<Created<WatchRegionDto>, ProblemHttpResult>> Create(
        HttpRequest request, Caller caller, WatchRegions regions, IOptions<RegionOptions> options, IOptions<Risk.RegionRuleOptions> rules, CancellationToken ct)
    {
        try
        {
            using var body = await RegionInput.ReadJsonAsync(request, options.Value, ct);
            var (name, spec, ruleList) = WatchRegionInput.Read(body.RootElement, options.Value, rules.Value.MinimumHouseholds);
            var (region, notes) = await regions.CreateAsync(name, spec, ruleList, caller.Actor, caller.Scope, ct);
            return TypedResults.Created($"/api/regions/{region.RegionId}", RegionDtos.WatchRegion(region, notes));
        }
        catch (RegionFault f) { return Problem(f); }
    }

    /// <summary>Body: <c>{"name": "…"}</c>.</summary>
    private static async Task<Results<Ok<WatchRegionDto>, ProblemHttpResult>> Rename(
        long id, HttpRequest request, Caller caller, WatchRegions regions, IOptions<RegionOptions> options, CancellationToken ct)
    {
        try
        {
            using var body = await RegionInput.ReadJsonAsync(request, options.Value, ct);
            var name = WatchRegionInput.NameOf(body.RootElement);
            return await regions.RenameAsync(id, name, caller.Scope, ct) is { } r ? TypedResults.Ok(RegionDtos.WatchRegion(r)) : Problem(UnknownRegion(id));
        }
        catch (RegionFault f) { return Problem(f); }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(long id, Caller caller, WatchRegions regions, CancellationToken ct) =>
        await regions.DeleteAsync(id, caller.Scope, ct) ? TypedResults.NoContent() : Problem(UnknownRegion(id));

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

    private static RegionFault UnknownRegion(long id) => RegionFault.NotFound(RegionFault.UnknownRegion, $"no saved region from your area has id {id}");

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
