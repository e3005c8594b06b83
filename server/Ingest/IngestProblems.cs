using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskMap.Geodata.Importing;

namespace RiskMap.Server.Ingest;

/// <summary>The problem details the ingest API answers with; each names what was wrong and where.</summary>
public static class IngestProblems
{
    public static ProblemHttpResult Of(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(title: title, statusCode: status, detail: detail, extensions: extensions);

    /// <summary>A 400 naming the one field (or JSON member) at fault.</summary>
    public static ProblemHttpResult Field(string title, string field, string reason) =>
        Of(StatusCodes.Status400BadRequest, title, $"{field}: {reason}", new Dictionary<string, object?> { ["field"] = field });

    /// <summary>A 400 listing every bad field of a household change.</summary>
    public static ProblemHttpResult Fields(IReadOnlyList<ImportReject> rejects) => Of(
        StatusCodes.Status400BadRequest, "Invalid household fields",
        string.Join("; ", rejects.Select(r => r.Field is null ? r.Reason : $"{r.Field}: {r.Reason}")),
        new Dictionary<string, object?> { ["errors"] = rejects.Select(r => new { field = r.Field, reason = r.Reason }).ToList() });

    public static ProblemHttpResult MissingKey(string where) => Of(
        StatusCodes.Status400BadRequest, "Missing idempotency key",
        $"every ingest request carries a key of the client's choosing so that a retry changes nothing: send {where}");

    public static ProblemHttpResult KeyReused(IngestRequest request, DateTimeOffset at) => Of(
        StatusCodes.Status422UnprocessableEntity, "Idempotency key reused",
        $"{(request.Scope == IngestScope.Event ? "event id" : "key")} '{request.Key}' was used at {at:yyyy-MM-dd HH:mm:ss}Z for a different request " +
        "(another body or target); send the same request to get its answer again, or a new key for a new request");

    public static ProblemHttpResult UnknownHousehold(string id) =>
        Of(StatusCodes.Status404NotFound, "Unknown household", $"no household in your area has id '{id}'");

    public static ProblemHttpResult TooLarge(string title, string detail) => Of(StatusCodes.Status413PayloadTooLarge, title, detail);

    public static ProblemHttpResult InvalidJson(JsonException e)
    {
        // System.Text.Json appends " LineNumber: 0 | BytePositionInLine: 12." to its messages; say it once, 1-based.
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        var line = (e.LineNumber ?? 0) + 1;
        var position = (e.BytePositionInLine ?? 0) + 1;
        return Of(StatusCodes.Status400BadRequest, "Invalid JSON", $"{message.TrimEnd('.')} (line {line}, byte {position})",
            new Dictionary<string, object?> { ["line"] = line, ["bytePositionInLine"] = position });
    }
}
