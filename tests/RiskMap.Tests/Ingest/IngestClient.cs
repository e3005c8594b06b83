using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace RiskMap.Tests.Ingest;

/// <summary>Ingest requests as a data officer's client sends them: a body, its media type and an Idempotency-Key.</summary>
internal static class IngestClient
{
    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, string body, string? key, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, string body, string? key, string contentType = "application/json") =>
        client.SendAsync(HttpMethod.Post, url, body, key, contentType);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>A batch item for <paramref name="village"/> in the JSON form, with fields a test adds or overrides as raw JSON members.</summary>
    public static string Item(string id, long village, int income, string extra = "")
    {
        var (lon, lat) = Infrastructure.TestUnits.Corner(village);
        return $$"""{"householdId": "{{id}}", "villageCode": "{{village}}", "lon": {{lon + 0.05}}, "lat": {{lat + 0.05}}, "members": 4, "labour": 2, "incomePerCapita": {{income}}{{(extra.Length > 0 ? ", " + extra : "")}}}""";
    }

    public static string Batch(params string[] items) => $$"""{"households": [{{string.Join(", ", items)}}]}""";

    /// <summary>Today's date in China, as the server's rules see it.</summary>
    public static DateOnly TodayInChina => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
}
