using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Server.Auth;
using RiskMap.Server.Statistics;
using RiskMap.Tests.Auth;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Hostile;

/// <summary>
/// Generated bad input at every endpoint (HostileInputs), sent by an administrator of the whole
/// country (so it reaches every handler): never a 5xx, every write refused with a 4xx problem, and
/// nothing in the database changed.
/// </summary>
public sealed class HostileInputTests
{
    // Above the huge polygon (~4 MB), so the outline reaches the vertex limit rather than the size limit.
    private const long IngestLimit = 8 << 20;

    private static readonly string[] Tables =
    [
        "household", "assistance_measure", "region_stats", "region_stats_history", "alert", "alert_event", "live_change",
        "ingest_request", "ingest_reject", "area_event", "area_event_household", "import_batch", "import_reject", "import_repair",
        "admin_unit", "resettlement_site", "app_user", "access_token", "alert_rule_change",
    ];

    [Fact]
    public async Task EveryEndpoint_AnswersGeneratedBadInputWith4xx_AndChangesNothing()
    {
        await using var world = await AccessWorld.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimits:PermitsPerSecond"] = "100000", ["RateLimits:Burst"] = "100000", ["RateLimits:SignInsPerMinute"] = "100000",
            ["Ingest:MaxRequestBytes"] = IngestLimit.ToString(), ["Imports:MaxUploadBytes"] = IngestLimit.ToString(),
        });
        using var admin = world.Client(await world.Factory.IssueTokenAsync(Role.Administrator, "all"));
        admin.Timeout = TimeSpan.FromMinutes(2);
        var endpoints = EndpointCatalog.Of(world.Factory.Services)
            // Signing out would end the test's own session; it takes no input anyway.
            .Where(e => e.ToString() != "DELETE /api/auth/token").ToList();
        // Income medians are recomputed in the background after the set-up's writes: do it now, so the
        // only writes left to see would be the requests'.
        await world.Factory.Services.GetRequiredService<MedianRefresher>().RefreshStaleAsync(CancellationToken.None);
        var before = await SnapshotAsync(world.Db);
        var exportsBefore = await world.Db.ScalarAsync<long>("SELECT count(*) FROM export_audit");

        var failures = new List<string>();
        var sent = 0;
        var exportsAnswered = 0;
        foreach (var hostile in HostileInputs.For(endpoints, IngestLimit + 1))
        {
            using var request = hostile.Build();
            using var response = await admin.SendAsync(request);
            sent++;
            var status = (int)response.StatusCode;
            var hub = hostile.Path.StartsWith("/hubs/");
            if (status >= 500) failures.Add($"{hostile}: {status} {await response.Content.ReadAsStringAsync()}");
            else if (hostile.Method != "GET" && !hub && status < 400) failures.Add($"{hostile}: accepted with {status}");
            else if (status >= 400 && !hub && response.Content.Headers.ContentLength != 0
                     && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{hostile}: {status} as {response.Content.Headers.ContentType}, not a problem");
            if (hostile.Path.StartsWith("/api/exports/") && status == 200) exportsAnswered++;
        }

        Assert.True(sent > 1000, $"only {sent} hostile requests");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent}:\n{string.Join("\n", failures.Take(40))}");
        Assert.Equal(before, await SnapshotAsync(world.Db));
        // Reads write nothing either, but an export that was answered is on record.
        Assert.Equal(exportsBefore + exportsAnswered, await world.Db.ScalarAsync<long>("SELECT count(*) FROM export_audit"));
    }

    [Fact]
    public async Task AnOutlineWithTooManyVertices_IsRefusedBeforeTheDatabaseSeesIt()
    {
        await using var world = await AccessWorld.StartAsync(new Dictionary<string, string?> { ["Ingest:MaxEventVertices"] = "1000" });
        using var officer = await world.ClientAsync(Role.DataOfficer, "513431");
        var ring = string.Join(",", Enumerable.Range(0, 1001).Select(i => $"[{102.6 + 0.2 * i / 1001:R},{(i % 2 == 0 ? "28.0" : "28.2")}]"));

        using var response = await officer.PostAsync("/api/events", new StringContent(
            "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[" + ring + ",[102.6,28.0]]]}, " +
            "\"properties\": {\"id\": \"zigzag\", \"type\": \"flood\", \"severity\": 3, \"date\": \"2026-11-01\"}}",
            System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content);
        Assert.Equal("geometry", problem.GetProperty("field").GetString());
        Assert.Contains("at most 1,000 are accepted", problem.GetProperty("detail").GetString());
        Assert.Equal(0L, await world.Db.ScalarAsync<long>("SELECT count(*) FROM area_event"));
    }

    /// <summary>Row counts of every table a request could write, and a checksum of the households.</summary>
    private static async Task<string> SnapshotAsync(TestDatabase db)
    {
        var counts = new List<string>();
        foreach (var table in Tables) counts.Add($"{table}={await db.ScalarAsync<long>($"SELECT count(*) FROM {table}")}");
        counts.Add("households#" + await db.ScalarAsync<string>("SELECT md5(string_agg(h::text, '|' ORDER BY county_code, household_id)) FROM household h"));
        counts.Add("alerts#" + await db.ScalarAsync<string>("SELECT md5(string_agg(a::text, '|' ORDER BY alert_id)) FROM alert a"));
        counts.Add("revoked=" + await db.ScalarAsync<long>("SELECT count(*) FROM access_token WHERE revoked_at IS NOT NULL"));
        return string.Join(", ", counts);
    }
}
