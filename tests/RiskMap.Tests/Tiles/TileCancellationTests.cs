using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RiskMap.Server.Tiles;
using static RiskMap.Tests.Tiles.TileWorld;

namespace RiskMap.Tests.Tiles;

public sealed class TileCancellationTests
{
    // Enough households that a whole-prefecture heat tile takes far longer than the test's round trips.
    private static Task AddManyHouseholdsAsync(TileWorld world, int count) => world.Db.ExecuteAsync("""
        INSERT INTO household (household_id, county_code, village_code, geom, members, labour, income_per_capita, risk_score, risk_level)
        SELECT 'bulk' || i, 513431000000, 513431100001,
               ST_SetSRID(ST_MakePoint(102.0 + random() * 0.1, 27.5 + random() * 0.1), 4326), 4, 2, 5000, random()::real, 1
        FROM generate_series(1, $1) i
        """, count);

    [Fact]
    public async Task TileQuery_WhenTheRequestIsCancelled_StopsTheDatabaseQuery()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        await AddManyHouseholdsAsync(world, 200_000);
        var queries = world.Factory.Services.GetRequiredService<TileQueries>();
        using var cts = new CancellationTokenSource();
        var (x, y) = TileAt(102.05, 27.55, 5);

        var tile = queries.TileAsync(TileLayers.Find("risk-heat")!, 5, x, y, cts.Token);
        Assert.True(await WaitForAsync(world, running: true), "the tile query never showed up in pg_stat_activity");
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tile);
        Assert.True(await WaitForAsync(world, running: false), "the tile query kept running after cancellation");
    }

    [Fact]
    public async Task GetTile_WhenPostgresCancelsTheQuery_Returns503Problem()
    {
        // PostgreSQL ends a query over statement_timeout with SQLSTATE 57014, as pg_cancel_backend does:
        // cancelling from the database side takes that path without a timeout tight enough to hit start-up.
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        await AddManyHouseholdsAsync(world, 200_000);
        var (x, y) = TileAt(102.05, 27.55, 5);

        var request = world.GetAsync("risk-heat", 5, x, y);
        Assert.True(await WaitForAsync(world, running: true), "the tile query never showed up in pg_stat_activity");
        await world.Db.ExecuteAsync(
            "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%risk-heat tile below%' AND pid <> pg_backend_pid()");
        using var response = await request;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    // Polls pg_stat_activity (a condition, not a sleep) for the heat query, for at most 30 s.
    private static async Task<bool> WaitForAsync(TileWorld world, bool running)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        await using var admin = new NpgsqlConnection(world.Db.ConnectionString);
        await admin.OpenAsync();
        while (DateTime.UtcNow < until)
        {
            await using var cmd = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE '%risk-heat tile below%' AND pid <> pg_backend_pid()", admin);
            var active = (long)(await cmd.ExecuteScalarAsync())! > 0;
            if (active == running) return true;
        }
        return false;
    }
}
