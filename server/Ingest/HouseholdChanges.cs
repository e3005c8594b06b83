using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Importing;
using RiskMap.Server.Auth;
using RiskMap.Server.Households;

namespace RiskMap.Server.Ingest;

/// <summary>
/// Changes to one household: a JSON merge patch of its fields, an assistance measure, a visit.
/// Each reads the household as it is (locked), changes it, checks the result by the households
/// CSV's rules and writes it through <see cref="HouseholdWriter"/>, answering with its new level.
/// </summary>
public sealed class HouseholdChanges(IngestRunner runner, HouseholdWriter writer, HouseholdAssessor assessor, IOptions<IngestOptions> options)
{
    private static readonly string[] PatchTypes = ["application/merge-patch+json", "application/json"];
    private static readonly string[] JsonTypes = ["application/json"];

    private delegate Task<(Household? Changed, ProblemHttpResult? Problem)> Change(NpgsqlConnection conn, NpgsqlTransaction tx, Household current);

    /// <summary><c>PATCH /api/households/{id}</c>: members name fields in camelCase; null removes a value; an array replaces the list.</summary>
    public async Task<Results<Ok<HouseholdRiskDto>, ContentHttpResult, ProblemHttpResult>> PatchAsync(HttpContext http, Caller caller, string id, CancellationToken ct)
    {
        var (key, body, root, problem) = await ReadAsync(http, PatchTypes, ct);
        if (problem is { }) return problem;
        var patch = new Dictionary<string, string>();
        var bad = new List<ImportReject>();
        foreach (var member in root.EnumerateObject())
        {
            if (HouseholdJson.Read(member, out var field, out var text) is { } reason) bad.Add(new ImportReject(0, member.Name, reason, null));
            else if (field == "household_id" && text != id) bad.Add(new ImportReject(0, member.Name, $"the household is '{id}' (the path); an id cannot change", null));
            else patch[field] = text;
        }
        if (bad.Count > 0) return IngestProblems.Fields(bad);
        return await ChangeAsync(http, caller, id, key, "patch", body, async (conn, tx, current) =>
        {
            var texts = HouseholdFields.TextsOf(current);
            foreach (var (field, text) in patch) texts[field] = text;
            var item = HouseholdItem.Readable(0, "", field => texts[field]);
            var (village, site) = HouseholdRowChecker.ReferencesOf(item);
            var references = await HouseholdLookups.ReferencesAsync(conn, tx, village is { } v ? [v] : [], site is { } s ? [s] : [], ct);
            var row = new HouseholdRowChecker(references, "item", HouseholdJson.NameOf).Check(item);
            if (row.Household is not { } changed) return (null, IngestProblems.Fields(row.Rejects));
            if (!caller.Scope.Contains(changed.VillageCode))
                return (null, IngestProblems.Fields([new ImportReject(0, "villageCode", $"village {changed.VillageCode} is outside your area ({caller.Scope})", null)]));
            if (changed.VillageCode.County != current.VillageCode.County)
                return (null, IngestProblems.Fields([new ImportReject(0, "villageCode",
                    $"village {changed.VillageCode} is in another county than {current.VillageCode.County}; households do not move between counties (the county is part of a household's key)", null)]));
            return (changed, null);
        }, ct);
    }

    /// <summary><c>POST /api/households/{id}/assistance</c> with <c>{"kind", "startedOn"}</c>.</summary>
    public async Task<Results<Ok<HouseholdRiskDto>, ContentHttpResult, ProblemHttpResult>> AddAssistanceAsync(HttpContext http, Caller caller, string id, CancellationToken ct)
    {
        var (key, body, root, problem) = await ReadAsync(http, JsonTypes, ct);
        if (problem is { }) return problem;
        if (Strings(root, ["kind", "startedOn"], out var values) is { } shape) return shape;
        if (HouseholdFields.AssistanceKindOf(values["kind"], out var kind) is { } unknown) return Invalid("kind", unknown);
        if (PastDate(values["startedOn"], "startedOn", "a measure is recorded once it has started", out var startedOn) is { } badDate) return badDate;
        var measure = new AssistanceMeasure(kind, startedOn);
        return await ChangeAsync(http, caller, id, key, "assistance", body, (_, _, current) => Task.FromResult<(Household?, ProblemHttpResult?)>(
            (current.Assistance.Contains(measure) ? current : current with { Assistance = [.. current.Assistance, measure] }, null)), ct);
    }

    /// <summary><c>POST /api/households/{id}/visits</c> with <c>{"on"}</c>: the last visit moves to that day unless a later one is recorded.</summary>
    public async Task<Results<Ok<HouseholdRiskDto>, ContentHttpResult, ProblemHttpResult>> AddVisitAsync(HttpContext http, Caller caller, string id, CancellationToken ct)
    {
        var (key, body, root, problem) = await ReadAsync(http, JsonTypes, ct);
        if (problem is { }) return problem;
        if (Strings(root, ["on"], out var values) is { } shape) return shape;
        if (PastDate(values["on"], "on", "a visit is recorded once it has happened", out var on) is { } badDate) return badDate;
        return await ChangeAsync(http, caller, id, key, "visit", body, (_, _, current) => Task.FromResult<(Household?, ProblemHttpResult?)>(
            (current.LastVisitOn >= on ? current : current with { LastVisitOn = on }, null)), ct);
    }

    /// <summary>
    /// Runs one household change under the request's key: 404 for an id unknown in the caller's area
    /// (outside it as unknown as nowhere), else the change, the write and the new assessment.
    /// </summary>
    private async Task<Results<Ok<HouseholdRiskDto>, ContentHttpResult, ProblemHttpResult>> ChangeAsync(
        HttpContext http, Caller caller, string id, string key, string kind, byte[] body, Change change, CancellationToken ct)
    {
        var request = new IngestRequest(IngestScope.Household, key, kind, IngestHttp.Fingerprint(http.Request, caller, body));
        var run = await runner.RunAsync(request, async (conn, tx) =>
        {
            if (await LockedHouseholds.ReadAsync(conn, tx, id, ct) is not { } current || !caller.Scope.Contains(current.VillageCode))
                return IngestWork<HouseholdRiskDto>.Refused(IngestProblems.UnknownHousehold(id));
            var (changed, problem) = await change(conn, tx, current);
            if (problem is not null) return IngestWork<HouseholdRiskDto>.Refused(problem);
            await writer.UpsertAsync(conn, tx, [changed!], ct);
            var (_, risk) = await HouseholdEndpoints.ReadRiskAsync(conn, tx, id, caller.Scope, ct);
            return IngestWork<HouseholdRiskDto>.Done(risk!, 1, []);
        }, ct);
        return run.ToResult(http, TypedResults.Ok);
    }

    /// <summary>The key is checked first (no work without one), then the media type, the bounded body and its JSON object.</summary>
    private async Task<(string Key, byte[] Body, JsonElement Root, ProblemHttpResult? Problem)> ReadAsync(HttpContext http, string[] mediaTypes, CancellationToken ct)
    {
        if (IngestHttp.Key(http.Request, null, "", out var key) is { } noKey) return ("", [], default, noKey);
        if (IngestHttp.CheckMediaType(http.Request, mediaTypes, out _) is { } unsupported) return ("", [], default, unsupported);
        var (body, tooLarge) = await IngestHttp.ReadBodyAsync(http, options.Value.MaxRequestBytes, ct);
        if (tooLarge is not null) return ("", [], default, tooLarge);
        if (IngestHttp.ParseJson(body, out var document) is { } invalid) return ("", [], default, invalid);
        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (key, body, document.RootElement.Clone(), null)
                : ("", [], default, IngestProblems.Of(StatusCodes.Status400BadRequest, "Invalid household fields", "the body must be a JSON object"));
        }
    }

    /// <summary>A body of exactly these string members; a problem naming the first unknown, missing or non-string one.</summary>
    private static ProblemHttpResult? Strings(JsonElement root, string[] names, out Dictionary<string, string> values)
    {
        var found = new Dictionary<string, string>();
        values = found;
        foreach (var member in root.EnumerateObject())
        {
            if (!names.Contains(member.Name)) return Invalid(member.Name, $"unknown field; the body is {{{string.Join(", ", names.Select(n => $"\"{n}\""))}}}");
            if (member.Value.ValueKind != JsonValueKind.String) return Invalid(member.Name, "must be a string");
            found[member.Name] = member.Value.GetString()!;
        }
        return names.FirstOrDefault(n => !found.ContainsKey(n)) is { } missing ? Invalid(missing, "is required") : null;
    }

    /// <summary>The date <paramref name="text"/> gives, when it is one and no later than today in China; else a problem naming <paramref name="field"/>.</summary>
    private ProblemHttpResult? PastDate(string text, string field, string why, out DateOnly date)
    {
        date = default;
        if (HouseholdFields.Date(text, out var given) is { } malformed) return Invalid(field, malformed);
        if (given is not { } d) return Invalid(field, "a date is required");
        var today = assessor.Today;
        if (d > today) return Invalid(field, $"{d:yyyy-MM-dd} is after today ({today:yyyy-MM-dd} in China): {why}");
        date = d;
        return null;
    }

    private static ProblemHttpResult Invalid(string field, string reason) => IngestProblems.Field("Invalid household fields", field, reason);
}
