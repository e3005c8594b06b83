using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using RiskMap.Server.Auth;

namespace RiskMap.Server.Ingest;

/// <summary>What every ingest request goes through before its work: media type, a bounded body, its key and fingerprint, JSON parsing.</summary>
public static class IngestHttp
{
    public const string KeyHeader = "Idempotency-Key";
    private const int MaxKeyLength = 200;

    /// <summary>The request's media type when it is one of <paramref name="allowed"/> (UTF-8), else a 415 problem.</summary>
    public static ProblemHttpResult? CheckMediaType(HttpRequest request, string[] allowed, out string mediaType)
    {
        mediaType = "";
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !allowed.Contains(type.MediaType.Value, StringComparer.OrdinalIgnoreCase))
            return IngestProblems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Content-Type must be {string.Join(" or ", allowed)}, not '{request.ContentType}'");
        if (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            return IngestProblems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported charset", $"ingest requests are UTF-8; the request says charset={type.Charset}");
        mediaType = type.MediaType.Value!.ToLowerInvariant();
        return null;
    }

    /// <summary>The whole body, or a 413 problem past <paramref name="maxBytes"/> (counted as it arrives: Content-Length may be absent).</summary>
    public static async Task<(byte[] Body, ProblemHttpResult? Problem)> ReadBodyAsync(HttpContext http, long maxBytes, CancellationToken ct)
    {
        var tooLarge = IngestProblems.TooLarge("Request too large", $"ingest requests are limited to {maxBytes:N0} bytes (Ingest:MaxRequestBytes); split the batch or use POST /api/imports/households");
        if (http.Request.ContentLength > maxBytes) return ([], tooLarge);
        // Kestrel would refuse at its own limit with an exception; one byte over ours is ours to answer.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBytes + 1;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > maxBytes) return ([], tooLarge);
            buffer.Write(chunk, 0, n);
        }
        return (buffer.ToArray(), null);
    }

    /// <summary>
    /// SHA-256 of the account, method, path and body: what makes two requests with one key the same
    /// request. The account is part of it, so a key another account used is never answered with
    /// that account's stored answer.
    /// </summary>
    public static string Fingerprint(HttpRequest request, Caller caller, byte[] body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{caller.UserId}\n{request.Method} {request.Path.Value}\n"));
        sha.AppendData(body);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>
    /// The request's idempotency key: the <c>Idempotency-Key</c> header, or <paramref name="fromBody"/>
    /// (a batch's <c>requestId</c>); both given must agree. A problem when missing or unusable.
    /// </summary>
    public static ProblemHttpResult? Key(HttpRequest request, string? fromBody, string bodyName, out string key)
    {
        key = "";
        var header = request.Headers[KeyHeader].ToString();
        var given = header.Length > 0 ? header : fromBody;
        if (string.IsNullOrEmpty(given))
            return IngestProblems.MissingKey(bodyName.Length > 0 ? $"an {KeyHeader} header or \"{bodyName}\" in the body" : $"an {KeyHeader} header");
        if (header.Length > 0 && fromBody is not null && fromBody != header)
            return IngestProblems.Field("Conflicting idempotency keys", bodyName, $"the body says '{fromBody}', the {KeyHeader} header '{header}'");
        if (given.Length > MaxKeyLength || given.Any(char.IsControl) || given.Trim().Length == 0)
            return IngestProblems.Field("Invalid idempotency key", header.Length > 0 ? KeyHeader : bodyName,
                $"a key is 1 to {MaxKeyLength} characters without control characters (a UUID is a good one)");
        key = given;
        return null;
    }

    /// <summary>The body as a JSON document, or a 400 problem giving the line and byte where it breaks.</summary>
    public static ProblemHttpResult? ParseJson(byte[] body, out JsonDocument document)
    {
        document = null!;
        // A byte-order mark is not JSON, but editors on Windows write one.
        var json = body.AsMemory(body.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0);
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
            return null;
        }
        catch (JsonException e) { return IngestProblems.InvalidJson(e); }
        catch (ArgumentException e) { return IngestProblems.Of(StatusCodes.Status400BadRequest, "Invalid JSON", $"the body is not UTF-8 JSON: {e.Message}"); }
    }
}
