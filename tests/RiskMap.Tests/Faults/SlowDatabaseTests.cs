using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Faults;

public sealed class SlowDatabaseTests
{
    [Fact]
    public async Task ADatabaseTooSlowToAnswer_Gives503Problems_WhileOtherRequestsAreStillServed()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var server = new RiskMapFactory(db.ConnectionString, new Dictionary<string, string?> { ["Database:StatementTimeout"] = "00:00:03" });
        using var leader = await server.CreateClientAsync(Role.Leader, "513431");
        using var anonymous = server.CreateClient();

        // Someone holds a lock on the figures (a long maintenance job): every unit read waits on it.
        await using var blocker = await db.DataSource.OpenConnectionAsync();
        await using var tx = await blocker.BeginTransactionAsync();
        await using (var lockFigures = new Npgsql.NpgsqlCommand("LOCK TABLE region_stats IN ACCESS EXCLUSIVE MODE", blocker, tx))
            await lockFigures.ExecuteNonQueryAsync();
        var waiting = Enumerable.Range(0, 40).Select(_ => leader.GetAsync("/api/units/513431")).ToArray();
        await Task.Delay(500);

        // Forty requests wait on the database; the server still answers others (no thread is held by a waiting request).
        var health = await anonymous.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains(waiting, w => !w.IsCompleted);

        var answers = await Task.WhenAll(waiting);
        await tx.RollbackAsync();
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.ServiceUnavailable, a.StatusCode));
        var problem = await answers[0].Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Database too slow", problem.GetProperty("title").GetString());
        Assert.True(answers[0].Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // And once the lock is gone, the same request is answered.
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/api/units/513431")).StatusCode);
    }
}
