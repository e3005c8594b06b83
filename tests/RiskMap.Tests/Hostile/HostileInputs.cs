using System.Text;
using RiskMap.Tests.Auth;

namespace RiskMap.Tests.Hostile;

/// <summary>One hostile request: what it is (for the failure message) and how to build it.</summary>
public sealed record HostileRequest(string What, string Method, string Path, Func<HttpContent?> Body, IReadOnlyDictionary<string, string> Headers)
{
    public HttpRequestMessage Build()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path) { Content = Body() };
        foreach (var (name, value) in Headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    public override string ToString() => $"{Method} {Path[..Math.Min(Path.Length, 120)]} [{What}]";
}

/// <summary>
/// Generated bad input for every endpoint the server maps: each path parameter replaced by values
/// that are not what it takes (SQL, huge numbers, control characters, very long text), bad query
/// values, and for requests with a body, broken and hostile bodies (empty, malformed, deeply
/// nested, wrong types, oversized, a huge polygon) under several media types. Deterministic (seeded).
/// </summary>
public static class HostileInputs
{
    /// <summary>Values no path parameter or query value of RiskMap accepts.</summary>
    public static readonly string[] Values =
    [
        "' OR '1'='1", "1; DROP TABLE household; --", "513431' UNION SELECT password_hash FROM app_user --",
        "-1", "99999999999999999999999999", "1.5", "1e308", "NaN", "%00", "%FF%FE", "..%2F..%2Fetc%2Fpasswd",
        "5134311000011", "000000", "99", "513431abc", "<script>alert(1)</script>", "%E2%80%AE", new string('9', 5000),
    ];

    private static readonly string[] QueryNames = ["unit", "parent", "limit", "offset", "before", "state", "from", "to", "source", "user", "all", "at", "openAt"];

    public static IEnumerable<HostileRequest> For(IReadOnlyList<MappedEndpoint> endpoints, long oversized)
    {
        var random = new Random(20261122);
        foreach (var e in endpoints)
        {
            var hasBody = e.Method is "POST" or "PATCH" or "PUT";
            var parameters = e.Pattern.Count(c => c == '{');
            // Path parameters: each sample value in turn, in every parameter.
            for (var p = 0; p < parameters; p++)
                foreach (var value in Values)
                    yield return new HostileRequest($"path parameter {p} = {Short(value)}", e.Method, ReplaceParameter(e.Pattern, e.Path, p, value),
                        () => hasBody ? Json("{}") : null, Keyed());
            // Query values.
            foreach (var name in QueryNames)
                yield return new HostileRequest($"?{name}=", e.Method, $"{e.Path}?{name}={Values[random.Next(Values.Length)]}",
                    () => hasBody ? Json("{}") : null, Keyed());
            if (!hasBody) continue;
            foreach (var (what, body, headers) in Bodies(oversized))
                yield return new HostileRequest(what, e.Method, e.Path, body, headers);
        }
    }

    private static IEnumerable<(string, Func<HttpContent?>, IReadOnlyDictionary<string, string>)> Bodies(long oversized)
    {
        var keyed = Keyed();
        yield return ("no body", () => null, keyed);
        yield return ("empty JSON body", () => Json(""), keyed);
        yield return ("JSON null", () => Json("null"), keyed);
        yield return ("JSON array", () => Json("[]"), keyed);
        yield return ("JSON string", () => Json("\"households\""), keyed);
        yield return ("malformed JSON", () => Json("{\"households\": [ {\"householdId\": "), keyed);
        yield return ("trailing garbage", () => Json("{} {}"), keyed);
        yield return ("deep arrays", () => Json(new string('[', 10_000) + new string(']', 10_000)), keyed);
        yield return ("deep objects", () => Json(string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)), keyed);
        yield return ("wrong types", () => Json("""
            {"households": [1, "a", null, true, {"householdId": 5, "villageCode": [], "members": "many", "incomePerCapita": 1e999}],
             "username": 5, "password": [], "role": {}, "scope": 513431, "kind": 1, "days": "x", "by": 7, "reason": false, "comment": {},
             "type": "Feature", "geometry": "POLYGON", "properties": {"id": [], "severity": "3", "date": 20250101},
             "incomePerCapita": "' OR 1=1 --", "on": "2025-13-45", "startedOn": -1, "displayName": {"x": 1}, "disabled": "yes"}
            """), keyed);
        yield return ("SQL in every string", () => Json("""
            {"requestId": "x'; DROP TABLE household; --", "households": [{"householdId": "' OR '1'='1", "villageCode": "513431100001' OR 1=1 --"}],
             "username": "admin' --", "password": "' OR '1'='1", "role": "administrator' --", "scope": "all' --",
             "by": "'); DELETE FROM alert; --", "reason": "x", "type": "Feature",
             "properties": {"id": "'; TRUNCATE area_event; --", "type": "flood' --", "severity": 1, "date": "2025-01-01' --"}}
            """), keyed);
        yield return ("control characters", () => Json("{\"by\": \"\\u0000\\u0001\", \"username\": \"\\u0000\", \"households\": [{\"householdId\": \"\\u0000\"}]}"), keyed);
        yield return ("huge polygon", () => Json(HugePolygon(150_000)), keyed);
        yield return ("polygon outside the world", () => Json("""
            {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[1e308, 1e308], [-1e308, 0], [0, -1e308], [1e308, 1e308]]]},
             "properties": {"id": "far", "type": "flood", "severity": 1, "date": "2025-01-01"}}
            """), keyed);
        yield return ("oversized body", () => new ByteArrayContent(Oversized(oversized)) { Headers = { { "Content-Type", "application/json" } } }, keyed);
        yield return ("XML", () => new StringContent("<households/>", Encoding.UTF8, "application/xml"), keyed);
        yield return ("Latin-1 charset", () => new StringContent("{}", Encoding.Latin1, "application/json"), keyed);
        yield return ("not UTF-8", () => new ByteArrayContent([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]) { Headers = { { "Content-Type", "application/json" } } }, keyed);
        yield return ("CSV with broken quotes", () => new StringContent("household_id,village_code\n\"unclosed,513431100001\n", Encoding.UTF8, "text/csv"), keyed);
        yield return ("GBK CSV", () => new ByteArrayContent([0xBB, 0xA7, 0xB1, 0xE0, 0xBA, 0xC5, 0x0A]) { Headers = { { "Content-Type", "text/csv" } } }, keyed);
        yield return ("idempotency key too long", () => Json("{}"), new Dictionary<string, string> { ["Idempotency-Key"] = new string('k', 500) });
        yield return ("idempotency key with SQL", () => Json("{}"), new Dictionary<string, string> { ["Idempotency-Key"] = "'; DROP TABLE ingest_request; --" });
    }

    private static string HugePolygon(int vertices)
    {
        // A zig-zag ring that crosses itself at every tooth, around 昭觉县.
        var sb = new StringBuilder("{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[");
        for (var i = 0; i < vertices; i++)
            sb.Append(i == 0 ? "" : ",").Append('[').Append((102.6 + 0.2 * i / vertices).ToString("R")).Append(',').Append(i % 2 == 0 ? "28.0" : "28.2").Append(']');
        sb.Append(",[102.6,28.0]]]}, \"properties\": {\"id\": \"huge\", \"type\": \"flood\", \"severity\": 3, \"date\": \"2025-01-01\"}}");
        return sb.ToString();
    }

    private static byte[] Oversized(long bytes)
    {
        var body = new byte[bytes];
        Array.Fill(body, (byte)' ');
        body[0] = (byte)'[';
        body[^1] = (byte)']';
        return body;
    }

    private static string ReplaceParameter(string pattern, string sample, int index, string value)
    {
        // Rebuild the path from the pattern: the index-th parameter gets the value, the others their sample.
        var patternParts = pattern.Split('/');
        var sampleParts = sample.Split('/');
        var seen = -1;
        for (var i = 0; i < patternParts.Length; i++)
            if (patternParts[i].Contains('{') && ++seen == index)
            {
                var start = patternParts[i].IndexOf('{');
                var end = patternParts[i].IndexOf('}');
                sampleParts[i] = patternParts[i][..start] + value + patternParts[i][(end + 1)..];
            }
        return string.Join('/', sampleParts);
    }

    private static Dictionary<string, string> Keyed() => new() { ["Idempotency-Key"] = "hostile-" + Guid.NewGuid() };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Short(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
