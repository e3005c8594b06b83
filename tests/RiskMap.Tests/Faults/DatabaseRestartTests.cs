using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Server.Auth;
using RiskMap.Server.Statistics;
using RiskMap.Tests.Infrastructure;
using RiskMap.Tests.Live;

namespace RiskMap.Tests.Faults;

/// <summary>
/// PostgreSQL killed in the middle of an ingest and started again: every batch answered "accepted"
/// is stored, clients meanwhile get 503 problems saying to retry (never a 500), a retry with the same
/// key is carried out once, and the server — its pool, its live relay — recovers by itself.
/// </summary>
public sealed class DatabaseRestartTests
{
    private const int Batches = 48;
    private const int PerBatch = 20;

    [Fact]
    public async Task PostgresKilledMidIngest_EveryAcceptedBatchIsStored_AndTheServerRecoversByItself()
    {
        await using var cluster = await OwnCluster.StartAsync();
        await using var server = new RiskMapFactory(cluster.ConnectionString, new Dictionary<string, string?>
        {
            ["Live:Tick"] = "00:00:00.050", ["Live:PollInterval"] = "00:00:00.500",
        });
        var url = server.StartKestrel();
        await TestUnits.InsertAsync(cluster.Db);
        using var officer = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        officer.DefaultRequestHeaders.Authorization = new("Bearer", await server.IssueTokenAsync(Role.DataOfficer, "513431"));
        await using var wall = await LiveClient.ConnectAsync(url, await server.IssueTokenAsync(Role.Leader, "513431", TokenKind.Device));
        await wall.SubscribeAsync(TestUnits.County);

        var answers = new ConcurrentDictionary<int, int>();
        var unavailable = new ConcurrentBag<HttpResponseMessage>();
        var failures = new ConcurrentBag<string>();
        var accepted = 0;
        var next = -1;
        async Task SendAllAsync()
        {
            int batch;
            while ((batch = Interlocked.Increment(ref next)) < Batches)
            {
                var key = $"fault-batch-{batch}";
                while (true)
                {
                    HttpResponseMessage response;
                    try { response = await officer.SendAsync(Batch(batch, key)); }
                    catch (HttpRequestException) { await Task.Delay(200); continue; }
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        answers[batch] = (int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["accepted"]!;
                        Interlocked.Increment(ref accepted);
                        break;
                    }
                    if (response.StatusCode == HttpStatusCode.ServiceUnavailable) { unavailable.Add(response); await Task.Delay(300); continue; }
                    failures.Add($"batch {batch}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    break;
                }
            }
        }
        var senders = Enumerable.Range(0, 3).Select(_ => Task.Run(SendAllAsync)).ToArray();

        // Mid-ingest: a crash, and a restart a few seconds later.
        while (Volatile.Read(ref accepted) < Batches / 4) await Task.Delay(20);
        await cluster.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await cluster.RestartAsync();
        await Task.WhenAll(senders);

        Assert.Empty(failures);
        Assert.Equal(Batches, answers.Count);
        Assert.All(answers.Values, n => Assert.Equal(PerBatch, n));
        // Every accepted batch is there, each once, with what was sent.
        Assert.Equal((long)Batches * PerBatch, await cluster.Db.ScalarAsync<long>("SELECT count(*) FROM household WHERE household_id LIKE 'F-%'"));
        Assert.Equal((long)Batches, await cluster.Db.ScalarAsync<long>("SELECT count(*) FROM ingest_request WHERE request_key LIKE 'fault-batch-%'"));
        Assert.Equal(0L, await cluster.Db.ScalarAsync<long>(
            "SELECT count(*) FROM household WHERE household_id LIKE 'F-%' AND income_per_capita <> 5000 + split_part(household_id, '-', 3)::int"));
        // The figures kept on the write path agree with a full recount: nothing half-written (medians
        // are kept off the write path: brought up to date first, as the refresher does every 10 s).
        await server.Services.GetRequiredService<MedianRefresher>().RefreshStaleAsync(CancellationToken.None);
        var beforeRebuild = await cluster.Db.ScalarAsync<string>("SELECT string_agg(s::text, E'\n' ORDER BY subject_kind, subject_id) FROM region_stats s");
        var changed = await server.Services.GetRequiredService<StatisticsRebuild>().RunAsync(CancellationToken.None);
        var afterRebuild = await cluster.Db.ScalarAsync<string>("SELECT string_agg(s::text, E'\n' ORDER BY subject_kind, subject_id) FROM region_stats s");
        Assert.True(changed == 0, $"{changed} changed:\n{beforeRebuild}\n---\n{afterRebuild}");
        // Meanwhile clients were told to come back, in a problem, never with a 500.
        Assert.NotEmpty(unavailable);
        foreach (var response in unavailable)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }
        // The server recovered by itself: health, and the live relay (its LISTEN connection) delivers again.
        using var anonymous = new HttpClient { BaseAddress = new Uri(url) };
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.SendAsync(Batch(Batches, "after-restart"))).StatusCode);
        await wall.WaitForAsync("UnitStatsChanged", m => (string?)m["id"] == TestUnits.VillageB2.ToString() && (int?)m["households"] >= PerBatch,
            TimeSpan.FromSeconds(30));
    }

    /// <summary>Batch n: 20 new households spread over the four villages, incomes 5000 + index.</summary>
    private static HttpRequestMessage Batch(int n, string key)
    {
        var items = new JsonArray();
        for (var i = 0; i < PerBatch; i++)
        {
            var village = TestUnits.Villages[(n + i) % 4];
            var (lon, lat) = TestUnits.Corner(village);
            items.Add(new JsonObject
            {
                ["householdId"] = $"F-{n}-{i}", ["villageCode"] = village.ToString(), ["lon"] = lon + 0.05, ["lat"] = lat + 0.05,
                ["members"] = 4, ["labour"] = 2, ["incomePerCapita"] = 5000 + i,
            });
        }
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/households/batch")
        {
            Content = new StringContent(new JsonObject { ["households"] = items }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
