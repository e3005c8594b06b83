using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RiskMap.Server.Tiles;
using static RiskMap.Tests.Tiles.TileWorld;

namespace RiskMap.Tests.Tiles;

/// <summary>A held lock on <c>admin_unit</c> keeps the villages query waiting while the test arranges concurrent requests.</summary>
public sealed class TileGeneratorTests
{
    [Fact]
    public async Task ConcurrentMisses_OfOneTile_ShareOneGeneration()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        var generator = world.Factory.Services.GetRequiredService<TileGenerator>();
        var layer = TileLayers.Find("villages")!;
        var (x, y) = TileAt(102.1, 27.55, 10);
        var key = new TileKey("villages", 10, x, y);

        Task<CachedTile> first, second;
        await using (var blocker = await LockUnitsAsync(world))
        {
            first = generator.GetAsync(layer, key, CancellationToken.None);
            second = generator.GetAsync(layer, key, CancellationToken.None);
        }

        Assert.Same(await first, await second);
        Assert.False((await first).IsEmpty);
    }

    [Fact]
    public async Task OneWaiterCancelling_DoesNotCancelTheOthers()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        var generator = world.Factory.Services.GetRequiredService<TileGenerator>();
        var layer = TileLayers.Find("villages")!;
        var (x, y) = TileAt(102.1, 27.55, 10);
        var key = new TileKey("villages", 10, x, y);
        using var leaving = new CancellationTokenSource();

        Task<CachedTile> cancelled, staying;
        await using (var blocker = await LockUnitsAsync(world))
        {
            cancelled = generator.GetAsync(layer, key, leaving.Token);
            staying = generator.GetAsync(layer, key, CancellationToken.None);
            leaving.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        }

        Assert.False((await staying).IsEmpty);
    }

    [Fact]
    public async Task MoreMissesThanQuerySlots_RunTwoQueriesAtATime_AndTheRestWaitTheirTurn()
    {
        await using var world = await CreateAsync(new Dictionary<string, string?> { ["Tiles:MaxConcurrentQueries"] = "2" });
        await world.AddLiangshanAsync();
        var generator = world.Factory.Services.GetRequiredService<TileGenerator>();
        var layer = TileLayers.Find("villages")!;
        var (x, y) = TileAt(102.1, 27.55, 11);
        var keys = Enumerable.Range(0, 5).Select(i => new TileKey("villages", 11, x + i % 3, y + i / 3)).ToArray();

        Task<CachedTile>[] tiles;
        await using (var blocker = await LockUnitsAsync(world))
        {
            tiles = keys.Select(k => generator.GetAsync(layer, k, CancellationToken.None)).ToArray();
            // Two queries reach the database and wait there on the lock; the other three wait for a slot.
            Assert.Equal(2, await EventuallyAsync(() => WaitingOnLockAsync(world), n => n >= 2));
            await Task.Delay(500);
            Assert.Equal(2, await WaitingOnLockAsync(world));
            Assert.All(tiles, t => Assert.False(t.IsCompleted));
        }

        var done = await Task.WhenAll(tiles);
        Assert.Equal(2, generator.PeakConcurrentQueries);
        // Each waited its turn and got its own tile, the same bytes a fresh query gives.
        for (var i = 0; i < keys.Length; i++)
        {
            var fresh = await world.Factory.Services.GetRequiredService<TileQueries>().TileAsync(layer, keys[i].Z, keys[i].X, keys[i].Y, TileAudience.Everyone, CancellationToken.None);
            Assert.Equal(fresh, done[i].Plain());
        }
    }

    private static async Task<long> WaitingOnLockAsync(TileWorld world) =>
        await world.Db.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%ST_AsMVT%'");

    private static async Task<long> EventuallyAsync(Func<Task<long>> read, Func<long, bool> enough)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        long value;
        while (!enough(value = await read()) && DateTime.UtcNow < deadline) await Task.Delay(50);
        return value;
    }

    private static async Task<NpgsqlTransaction> LockUnitsAsync(TileWorld world)
    {
        var conn = await world.Db.DataSource.OpenConnectionAsync();
        var tx = await conn.BeginTransactionAsync();
        await using var cmd = new NpgsqlCommand("LOCK TABLE admin_unit IN ACCESS EXCLUSIVE MODE", conn, tx);
        await cmd.ExecuteNonQueryAsync();
        return tx;
    }
}
