using Microsoft.Extensions.Options;
using RiskMap.Server.Tiles;

namespace RiskMap.Tests.Tiles;

public sealed class TileCacheTests
{
    private static TileCache Cache(long bytes) => new(Options.Create(new TileOptions { CacheBytes = bytes }));

    // Random bytes do not compress, so each tile costs about its size.
    private static CachedTile Tile(int size, int seed) => CachedTile.From(new Random(seed).GetItems<byte>(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), size));

    [Fact]
    public void Store_BeyondTheByteBudget_DropsTheLeastRecentlyUsedTiles()
    {
        var cache = Cache(1 << 20);
        var first = new TileKey("villages", 12, 0, 0);
        Assert.True(cache.TryStore(first, Tile(100_000, 0), cache.Epoch));
        for (var i = 1; i < 30; i++)
        {
            cache.TryGet(first, out _); // kept warm
            cache.TryStore(new TileKey("villages", 12, i, 0), Tile(100_000, i), cache.Epoch);
        }

        Assert.InRange(cache.Bytes, 1, 1 << 20);
        Assert.True(cache.TryGet(first, out _));
        Assert.False(cache.TryGet(new TileKey("villages", 12, 1, 0), out _));
        Assert.True(cache.TryGet(new TileKey("villages", 12, 29, 0), out _));
    }

    [Fact]
    public void Store_OfATileGeneratedBeforeAnEviction_IsRefused()
    {
        var cache = Cache(1 << 20);
        var key = new TileKey("villages", 12, 5, 5);
        var epoch = cache.Epoch;

        cache.Evict(k => k.X == 5);
        var stored = cache.TryStore(key, Tile(1000, 1), epoch);

        Assert.False(stored);
        Assert.False(cache.TryGet(key, out _));
        Assert.True(cache.TryStore(key, Tile(1000, 1), cache.Epoch));
    }

    [Fact]
    public void Evict_RemovesOnlySelectedTiles_AndFreesTheirBytes()
    {
        var cache = Cache(1 << 20);
        cache.TryStore(new TileKey("villages", 12, 1, 1), Tile(1000, 1), cache.Epoch);
        cache.TryStore(new TileKey("labels", 12, 1, 1), Tile(1000, 2), cache.Epoch);
        var bytes = cache.Bytes;

        var evicted = cache.Evict(k => k.Layer == "villages");

        Assert.Equal([new TileKey("villages", 12, 1, 1)], evicted);
        Assert.Equal(1, cache.Count);
        Assert.True(cache.Bytes < bytes);
    }

    [Fact]
    public void Store_WithAZeroBudget_KeepsNothing()
    {
        var cache = Cache(0);

        Assert.False(cache.TryStore(new TileKey("villages", 12, 1, 1), Tile(1000, 1), cache.Epoch));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Bounds_OfATile_MatchesWebMercator()
    {
        var box = new TileKey("villages", 1, 1, 0).Bounds();

        Assert.Equal(0, box.West, 9);
        Assert.Equal(180, box.East, 9);
        Assert.Equal(0, box.South, 9);
        Assert.Equal(85.0511287798, box.North, 6);
    }
}
