using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;
using RiskMap.Server.Live;
using RiskMap.Server.Statistics;

namespace RiskMap.Server.Alerts;

/// <summary>One audited transition of an alert.</summary>
public sealed record AlertEventDto(DateTimeOffset At, string? From, string To, string Actor, string? Comment, long AlertVersion);

/// <summary>An alert with its audit trail.</summary>
public sealed record AlertDetailDto(AlertMessage Alert, IReadOnlyList<AlertEventDto> Events);

/// <summary>A page of alerts, newest first; pass <see cref="NextBefore"/> as before= for the next page.</summary>
public sealed record AlertPageDto(IReadOnlyList<AlertMessage> Alerts, long? NextBefore);

/// <summary><c>by</c>: the name and office shown on the alert ("乡长 阿某"); the audit trail adds the signed-in account.</summary>
public sealed record AcknowledgeRequest(string? By, string? Comment);

public sealed record ResolveRequest(string? By, string? Reason);

public static class AlertEndpoints
{
    private const int MaxText = 2000;

    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        // Alerts about the caller's area only; one outside it is "unknown", as one that does not exist.
        var alerts = app.MapGroup("/api/alerts").WithTags("Alerts").RequireAuthorization(AccessPolicies.View);
        alerts.MapGet("/", List);
        alerts.MapGet("/{id:long}", Get);
        alerts.MapPost("/{id:long}/acknowledge", Acknowledge).RequireAuthorization(AccessPolicies.ActOnAlerts);
        alerts.MapPost("/{id:long}/resolve", Resolve).RequireAuthorization(AccessPolicies.ActOnAlerts);
        return app;
    }

    private static readonly Dictionary<string, string[]> States = new()
    {
        ["open"] = [AlertState.Raised, AlertState.Acknowledged],
        ["pending"] = [AlertState.Pending],
        ["raised"] = [AlertState.Raised],
        ["acknowledged"] = [AlertState.Acknowledged],
        ["resolved"] = [AlertState.Resolved],
        ["all"] = [AlertState.Pending, AlertState.Raised, AlertState.Acknowledged, AlertState.Resolved],
    };

    private static async Task<Results<Ok<AlertPageDto>, ProblemHttpResult>> List(
        Caller caller, NpgsqlDataSource db, CancellationToken ct, string? unit = null, string? state = null, long? before = null, int limit = 50,
        DateTimeOffset? openAt = null)
    {
        var (first, last) = (caller.Scope.First, caller.Scope.Last);
        if (unit is not null)
        {
            if (!UnitCode.TryParse(unit, out var code)) return BadRequest("unit", $"'{unit}' is not a division code of 2, 4, 6, 9 or 12 digits");
            if (!caller.Scope.Contains(code))
                return TypedResults.Problem(title: "Unknown unit", statusCode: StatusCodes.Status404NotFound, detail: $"no administrative unit in your area has code {code}");
            (first, last) = (code.Value, code.Value + StatisticsStore.SpanOf(code.Level) - 1);
        }
        // openAt: the alerts open at that moment (replay), whatever their state now; a state besides would contradict it.
        if (openAt is not null && state is not null) return BadRequest("state", "give state or openAt, not both: openAt selects the alerts open at that moment");
        if (!States.TryGetValue(state ?? "open", out var states)) return BadRequest("state", $"'{state}' is not one of {string.Join(", ", States.Keys)}");
        if (limit is < 1 or > 500) return BadRequest("limit", "limit must be 1–500");
        await using var cmd = db.CreateCommand(SqlFile.Load(openAt is null ? "Alerts.list_alerts" : "Alerts.alerts_open_at"));
        cmd.Parameters.Add(new() { Value = first });
        cmd.Parameters.Add(new() { Value = last });
        cmd.Parameters.Add(openAt is { } at ? new NpgsqlParameter { Value = at } : new NpgsqlParameter { Value = states });
        cmd.Parameters.Add(new() { Value = before ?? long.MaxValue });
        cmd.Parameters.Add(new() { Value = limit });
        var page = new List<AlertMessage>();
        long lastId = 0;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                lastId = r.GetInt64(0);
                page.Add(LiveMessageJson.Alert(r.GetString(1), 0).For(caller.SeesHouseholds));
            }
        return TypedResults.Ok(new AlertPageDto(page, page.Count == limit ? lastId : null));
    }

    private static async Task<Results<Ok<AlertDetailDto>, ProblemHttpResult>> Get(long id, Caller caller, NpgsqlDataSource db, CancellationToken ct)
    {
        var detail = await ReadAsync(db, id, caller, ct);
        return detail is null ? NotFound(id) : TypedResults.Ok(detail);
    }

    private static async Task<Results<Ok<AlertDetailDto>, ProblemHttpResult>> Acknowledge(
        long id, AcknowledgeRequest body, Caller caller, AlertActions actions, NpgsqlDataSource db, CancellationToken ct)
    {
        if (Invalid(body.By, "by", required: true) is { } byProblem) return byProblem;
        if (Invalid(body.Comment, "comment", required: false) is { } commentProblem) return commentProblem;
        var (outcome, state) = await actions.AcknowledgeAsync(id, new AlertActor(body.By!.Trim(), caller.Username, caller.Scope), body.Comment?.Trim(), ct);
        return await OutcomeAsync(outcome, state, id, "acknowledged (only a raised alert can be)", caller, db, ct);
    }

    private static async Task<Results<Ok<AlertDetailDto>, ProblemHttpResult>> Resolve(
        long id, ResolveRequest body, Caller caller, AlertActions actions, NpgsqlDataSource db, CancellationToken ct)
    {
        if (Invalid(body.By, "by", required: true) is { } byProblem) return byProblem;
        if (Invalid(body.Reason, "reason", required: true) is { } reasonProblem) return reasonProblem;
        var (outcome, state) = await actions.ResolveAsync(id, new AlertActor(body.By!.Trim(), caller.Username, caller.Scope), body.Reason!.Trim(), ct);
        return await OutcomeAsync(outcome, state, id, "resolved", caller, db, ct);
    }

    private static async Task<Results<Ok<AlertDetailDto>, ProblemHttpResult>> OutcomeAsync(
        AlertActionOutcome outcome, string? state, long id, string verb, Caller caller, NpgsqlDataSource db, CancellationToken ct) => outcome switch
    {
        AlertActionOutcome.NotFound => NotFound(id),
        AlertActionOutcome.WrongState => TypedResults.Problem(title: "Alert is in the wrong state", statusCode: StatusCodes.Status409Conflict,
            detail: $"alert {id} is {state} and cannot be {verb}"),
        _ => TypedResults.Ok((await ReadAsync(db, id, caller, ct))!),
    };

    /// <summary>The alert and its trail when it is about the caller's area; a household alert names no household to those without household access.</summary>
    private static async Task<AlertDetailDto?> ReadAsync(NpgsqlDataSource db, long id, Caller caller, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        AlertMessage alert;
        await using (var cmd = new NpgsqlCommand(SqlFile.Load("Alerts.alert_by_id"), conn))
        {
            cmd.Parameters.Add(new() { Value = id });
            cmd.Parameters.Add(new() { Value = caller.Scope.First });
            cmd.Parameters.Add(new() { Value = caller.Scope.Last });
            if (await cmd.ExecuteScalarAsync(ct) is not string payload) return null;
            alert = LiveMessageJson.Alert(payload, 0).For(caller.SeesHouseholds);
        }
        var events = new List<AlertEventDto>();
        await using (var cmd = new NpgsqlCommand(SqlFile.Load("Alerts.alert_events"), conn))
        {
            cmd.Parameters.Add(new() { Value = id });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                events.Add(new AlertEventDto(r.GetFieldValue<DateTimeOffset>(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2),
                    r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetInt64(5)));
        }
        return new AlertDetailDto(alert, events);
    }

    private static ProblemHttpResult? Invalid(string? value, string field, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
            return required ? BadRequest(field, $"{field} is required") : null;
        return value.Length > MaxText ? BadRequest(field, $"{field} must be at most {MaxText} characters") : null;
    }

    private static ProblemHttpResult BadRequest(string field, string detail) =>
        TypedResults.Problem(title: $"Invalid {field}", statusCode: StatusCodes.Status400BadRequest, detail: detail,
            extensions: new Dictionary<string, object?> { ["field"] = field });

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(title: "Unknown alert", statusCode: StatusCodes.Status404NotFound, detail: $"no alert about your area has id {id}");
}
