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

    private static async Task<NpgsqlTransaction> LockUnitsAsync(TileWorld world)
    {
        var conn = await world.Db.DataSource.OpenConnectionAsync();
        var tx = await conn.BeginTransactionAsync();
        await using var cmd = new NpgsqlCommand("LOCK TABLE admin_unit IN ACCESS EXCLUSIVE MODE", conn, tx);
        await cmd.ExecuteNonQueryAsync();
        return tx;
    }
}
