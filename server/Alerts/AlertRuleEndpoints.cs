using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;
using RiskMap.Server.Risk;

namespace RiskMap.Server.Alerts;

/// <summary>The raise thresholds of the scale rule (configuration's Risk:Regions: they decide every unit's zone, so they are not changed here).</summary>
public sealed record RaiseThresholdsDto(string Village, string Township, string County, string Prefecture, string Province, string Site);

/// <summary>
/// The alert rules in force: <c>version</c> 0 and <c>source</c> "configuration" until an administrator
/// changes them; <c>problem</c> when a stored change no longer fits configuration.
/// </summary>
public sealed record AlertRulesView(
    long Version, string Source, DateTimeOffset? ChangedAt, string? ChangedBy, string? Comment, AlertRulesDto Rules,
    RaiseThresholdsDto RaiseThresholds, string? Problem);

public sealed record AlertRulesChanged(AlertRulesView InForce, AlertRuleEffectDto Effect);

/// <summary>
/// <c>/api/admin/alert-rules</c>: administrators read and change the alert rules (minimum households,
/// clear thresholds, pending and escalation periods, the site and household rules) while the server
/// runs. A change is in force on every server for every write after it, is applied at once to the
/// stored figures of every unit and site (alerts it raises or resolves go out live), and is kept
/// with who, when and why. The rules cover the whole deployment, so only an administrator whose
/// scope covers every village it holds may change them.
/// </summary>
public static class AlertRuleEndpoints
{
    private const int MaxComment = 2000;

    public static IEndpointRouteBuilder MapAlertRuleEndpoints(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/admin/alert-rules").WithTags("Admin").RequireAuthorization(AccessPolicies.Administer);
        rules.MapGet("/", Get);
        rules.MapPatch("/", Change);
        rules.MapGet("/changes", Changes);
        return app;
    }

    private static async Task<Ok<AlertRulesView>> Get(NpgsqlDataSource db, AlertSettings settings, IOptions<RegionRuleOptions> regions, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return TypedResults.Ok(View(await settings.InForceAsync(conn, null, ct), regions.Value));
    }

    private static async Task<Results<Ok<AlertRulesChanged>, ProblemHttpResult>> Change(
        AlertRulesChange body, Caller caller, NpgsqlDataSource db, AlertRuleChanges changes, IOptions<RegionRuleOptions> regions, CancellationToken ct)
    {
        await using (var conn = await db.OpenConnectionAsync(ct))
            if (await OutsideScopeAsync(conn, caller, ct) is { } denied) return denied;
        if (string.IsNullOrWhiteSpace(body.Comment)) return Invalid("comment", "comment is required: say why the rules change (it is kept with the change)");
        if (body.Comment.Length > MaxComment) return Invalid("comment", $"comment must be at most {MaxComment} characters");
        var result = await changes.ChangeAsync(body, caller.Actor, ct);
        return result.Outcome switch
        {
            AlertRuleOutcome.Stale => TypedResults.Problem(title: "Rules changed meanwhile", statusCode: StatusCodes.Status409Conflict,
                detail: $"the rules in force are version {result.InForce.Version}, not {body.Version}: read them again and repeat the change",
                extensions: new Dictionary<string, object?> { ["version"] = result.InForce.Version }),
            AlertRuleOutcome.Invalid => TypedResults.Problem(title: $"Invalid {result.Errors[0].Field}", statusCode: StatusCodes.Status400BadRequest,
                detail: string.Join("; ", result.Errors.Select(e => e.Message)),
                extensions: new Dictionary<string, object?>
                {
                    ["field"] = result.Errors[0].Field,
                    ["errors"] = result.Errors.Select(e => new { field = e.Field, detail = e.Message }).ToList(),
                }),
            _ => TypedResults.Ok(new AlertRulesChanged(View(result.InForce, regions.Value), result.Effect)),
        };
    }

    private static async Task<Results<Ok<List<AlertRuleChangeDto>>, ProblemHttpResult>> Changes(
        NpgsqlDataSource db, CancellationToken ct, int limit = 50, long? before = null)
    {
        if (limit is < 1 or > 500) return Invalid("limit", "limit must be 1–500");
        return TypedResults.Ok(await AlertSettings.ChangesAsync(db, limit, before ?? long.MaxValue, ct));
    }

    /// <summary>A problem when the caller's scope does not cover every unit the deployment holds.</summary>
    private static async Task<ProblemHttpResult?> OutsideScopeAsync(NpgsqlConnection conn, Caller caller, CancellationToken ct)
    {
        if (caller.Scope.IsEverywhere) return null;
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Alerts.deployment_extent"), conn);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        if (r.IsDBNull(0) || (caller.Scope.Contains(r.GetInt64(0)) && caller.Scope.Contains(r.GetInt64(1)))) return null;
        return TypedResults.Problem(title: "Outside your scope", statusCode: StatusCodes.Status403Forbidden,
            detail: $"the alert rules apply to every area this server holds (villages {r.GetInt64(0):D12} to {r.GetInt64(1):D12}); your scope is {caller.Scope}: ask an administrator whose scope covers them all");
    }

    public static AlertRulesView View(AlertRulesInForce r, RegionRuleOptions regions) => new(
        r.Version, r.Version == 0 ? "configuration" : "administrator", r.ChangedAt, r.ChangedBy, r.Comment, AlertRuleSet.ToDto(r.Options),
        new RaiseThresholdsDto(regions.Village.ScaleShare.ToString(), regions.Township.ScaleShare.ToString(), regions.County.ScaleShare.ToString(),
            regions.Prefecture.ScaleShare.ToString(), regions.Province.ScaleShare.ToString(), regions.Site.ScaleShare.ToString()),
        r.Problem);

    private static ProblemHttpResult Invalid(string field, string detail) => TypedResults.Problem(
        title: $"Invalid {field}", statusCode: StatusCodes.Status400BadRequest, detail: detail, extensions: new Dictionary<string, object?> { ["field"] = field });
}
