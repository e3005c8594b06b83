using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Geodata.Importing;
using RiskMap.Server.Auth;
using RiskMap.Server.Households;

namespace RiskMap.Server.Ingest;

/// <summary>One rejected batch item: its position (JSON: 0-based item index; CSV: 1-based line), the field at fault (null for the item as a whole) and why.</summary>
public sealed record BatchRejectDto(int Index, string? Field, string Reason);

/// <summary>The answer to a batch: its key, the households written, and every rejected item with where and why.</summary>
public sealed record BatchAnswer(
    string RequestId, int Accepted, int RejectedItems, IReadOnlyList<BatchRejectDto> Rejected, IReadOnlyList<string> IgnoredColumns);

/// <summary>
/// <c>POST /api/households/batch</c>: households in JSON or CSV, each item checked by the households
/// CSV's rules (<see cref="HouseholdRowChecker"/>); the good ones written through
/// <see cref="HouseholdWriter"/> and the rejected ones kept in ingest_reject, in one transaction
/// with the request's key.
/// </summary>
public sealed class HouseholdBatch(IngestRunner runner, HouseholdWriter writer, IOptions<IngestOptions> options)
{
    public const string JsonType = "application/json";
    public static readonly string[] MediaTypes = [JsonType, "text/csv", "application/csv"];

    /// <summary>A batch's items as read from the body, before their fields are checked.</summary>
    private sealed record Items(IReadOnlyList<HouseholdItem> List, bool Json, IReadOnlyList<string> IgnoredColumns, string? RequestId);

    public async Task<Results<Ok<BatchAnswer>, ContentHttpResult, ProblemHttpResult>> PostAsync(HttpContext http, Caller caller, CancellationToken ct)
    {
        if (IngestHttp.CheckMediaType(http.Request, MediaTypes, out var mediaType) is { } unsupported) return unsupported;
        var (body, tooLarge) = await IngestHttp.ReadBodyAsync(http, options.Value.MaxRequestBytes, ct);
        if (tooLarge is not null) return tooLarge;
        var (items, unreadable) = mediaType == JsonType ? ReadJson(body) : ReadCsv(body);
        if (unreadable is not null) return unreadable;
        if (IngestHttp.Key(http.Request, items!.RequestId, items.Json ? "requestId" : "", out var key) is { } noKey) return noKey;
        var request = new IngestRequest(IngestScope.Household, key, "batch", IngestHttp.Fingerprint(http.Request, caller, body));
        var run = await runner.RunAsync(request, (conn, tx) => WriteAsync(conn, tx, key, items, caller.Scope, ct), ct);
        return run.ToResult(http, TypedResults.Ok);
    }

    private async Task<IngestWork<BatchAnswer>> WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string key, Items items, AreaScope area, CancellationToken ct)
    {
        var named = items.List.Select(HouseholdRowChecker.ReferencesOf).ToList();
        var references = await HouseholdLookups.ReferencesAsync(conn, tx,
            named.Where(n => n.Village is not null).Select(n => n.Village!.Value), named.Where(n => n.Site is not null).Select(n => n.Site!.Value), ct);
        var checker = items.Json ? new HouseholdRowChecker(references, "item", HouseholdJson.NameOf) : new HouseholdRowChecker(references);
        var rows = items.List.Select(checker.Check).ToList();
        var villageField = items.Json ? "villageCode" : "village_code";
        var outside = HouseholdLookups.OutsideArea(rows, villageField, area);
        var outsidePositions = outside.Select(e => e.Line).ToHashSet();
        var good = rows.Where(r => r.Household is not null && !outsidePositions.Contains(r.Line)).ToList();
        var elsewhere = await HouseholdLookups.RegisteredInOtherCountiesAsync(conn, tx, good, villageField, area, ct);
        elsewhere.AddRange(outside);
        var elsewherePositions = elsewhere.Select(e => e.Line).ToHashSet();
        var accepted = good.Where(r => !elsewherePositions.Contains(r.Line)).Select(r => r.Household!).ToList();
        await writer.UpsertAsync(conn, tx, accepted, ct);

        var rejects = rows.SelectMany(r => r.Rejects).Concat(elsewhere).OrderBy(r => r.Line).ToList();
        var answer = new BatchAnswer(key, accepted.Count, rejects.Select(r => r.Line).Distinct().Count(),
            rejects.Select(r => new BatchRejectDto(r.Line, r.Field, r.Reason)).ToList(), items.IgnoredColumns);
        return IngestWork<BatchAnswer>.Done(answer, accepted.Count, rejects);
    }

    /// <summary><c>{"requestId"?: "…", "households": [ {…}, … ]}</c></summary>
    private (Items?, ProblemHttpResult?) ReadJson(byte[] body)
    {
        if (IngestHttp.ParseJson(body, out var document) is { } invalid) return (null, invalid);
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (null, IngestProblems.Field("Invalid batch", "households", "the body must be an object {\"requestId\": \"…\", \"households\": [ … ]}"));
            string? requestId = null;
            JsonElement? households = null;
            foreach (var member in root.EnumerateObject())
            {
                if (member.Name == "requestId" && member.Value.ValueKind == JsonValueKind.String) requestId = member.Value.GetString();
                else if (member.Name == "households" && member.Value.ValueKind == JsonValueKind.Array) households = member.Value;
                else if (member.Name is "requestId" or "households")
                    return (null, IngestProblems.Field("Invalid batch", member.Name, member.Name == "households" ? "must be an array of household objects" : "must be a string"));
                else return (null, IngestProblems.Field("Invalid batch", member.Name, "unknown member; a batch is {\"requestId\", \"households\"}"));
            }
            if (households is not { } array) return (null, IngestProblems.Field("Invalid batch", "households", "the array of household objects is missing"));
            if (array.GetArrayLength() > options.Value.MaxBatchItems) return (null, TooManyItems(array.GetArrayLength()));
            var items = array.EnumerateArray().Select((item, i) => HouseholdJson.Item(i, item)).ToList();
            return (new Items(items, true, [], requestId), null);
        }
    }

    /// <summary>The households CSV of docs/import-formats.md, header first.</summary>
    private (Items?, ProblemHttpResult?) ReadCsv(byte[] body)
    {
        try
        {
            using var text = new StreamReader(new MemoryStream(body), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            var reader = HouseholdCsvReader.Open(text);
            var items = new List<HouseholdItem>();
            while (reader.Next() is { } item)
            {
                if (items.Count == options.Value.MaxBatchItems) return (null, TooManyItems(null));
                items.Add(item);
            }
            return (new Items(items, false, reader.IgnoredColumns, null), null);
        }
        catch (ImportFileException e) { return (null, Unusable(e.Message)); }
        catch (DecoderFallbackException) { return (null, Unusable("the body is not UTF-8 text (GBK/GB18030?): save it as \"CSV UTF-8\"")); }
    }

    private ProblemHttpResult TooManyItems(int? count) => IngestProblems.TooLarge("Batch too large",
        $"{(count is { } n ? $"{n:N0} items" : "more items")} than the {options.Value.MaxBatchItems:N0} a batch may carry (Ingest:MaxBatchItems); split it, or use POST /api/imports/households");

    private static ProblemHttpResult Unusable(string detail) => IngestProblems.Of(StatusCodes.Status400BadRequest, "Unusable CSV", detail);
}
