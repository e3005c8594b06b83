using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RiskMap.Server.Tiles;
using static RiskMap.Tests.Tiles.TileWorld;

namespace RiskMap.Tests.Tiles;

/// <summary>
/// A transaction holding an exclusive lock on <c>household</c> makes the heat tile query wait inside
/// PostgreSQL for as long as the test needs, so the tests see it running and cancel it there, without
/// depending on how fast the machine is.
/// </summary>
public sealed class TileCancellationTests
{
    private const string HeatQuery = "query LIKE '%risk-heat tile below%'";

    [Fact]
    public async Task TileQuery_WhenTheRequestIsCancelled_StopsTheDatabaseQuery()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        var queries = world.Factory.Services.GetRequiredService<TileQueries>();
        await using var blocker = await LockHouseholdsAsync(world);
        using var cts = new CancellationTokenSource();
        var (x, y) = TileAt(102.05, 27.55, 10);

        var tile = queries.TileAsync(TileLayers.Find("risk-heat")!, 10, x, y, TileAudience.Everyone, cts.Token);
        Assert.True(await WaitForAsync(world, waiting: true), "the tile query never waited in PostgreSQL");
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tile);
        Assert.True(await WaitForAsync(world, waiting: false), "the tile query kept running after cancellation");
    }

    [Fact]
    public async Task GetTile_WhenPostgresCancelsTheQuery_Returns503Problem()
    {
        // PostgreSQL ends a query over statement_timeout with SQLSTATE 57014, as pg_cancel_backend does:
        // cancelling from the database side takes that path without a timeout tight enough to hit start-up.
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        await using var blocker = await LockHouseholdsAsync(world);
        var (x, y) = TileAt(102.05, 27.55, 10);

        var request = world.GetAsync("risk-heat", 10, x, y);
        Assert.True(await WaitForAsync(world, waiting: true), "the tile query never waited in PostgreSQL");
        await world.Db.ExecuteAsync($"SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND {HeatQuery} AND pid <> pg_backend_pid()");
        using var response = await request;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<NpgsqlTransaction> LockHouseholdsAsync(TileWorld world)
    {
        var conn = await world.Db.DataSource.OpenConnectionAsync();
        var tx = await conn.BeginTransactionAsync();
        await using var cmd = new NpgsqlCommand("LOCK TABLE household IN ACCESS EXCLUSIVE MODE", conn, tx);
        await cmd.ExecuteNonQueryAsync();
        return tx;
    }

    // Polls pg_stat_activity (a condition, not a sleep), for at most 30 s, until the heat query is
    // (or no longer is) waiting for the lock.
    private static async Task<bool> WaitForAsync(TileWorld world, bool waiting)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        await using var admin = new NpgsqlConnection(world.Db.ConnectionString);
        await admin.OpenAsync();
        while (DateTime.UtcNow < until)
        {
            await using var cmd = new NpgsqlCommand(
                $"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND wait_event_type = 'Lock' AND {HeatQuery}", admin);
            if ((long)(await cmd.ExecuteScalarAsync())! > 0 == waiting) return true;
        }
        return false;
    }
}
