using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace RiskMap.Server.Tiles;

/// <summary>
/// Generated tiles in memory, bounded by bytes, never expiring by time: a tile leaves only when
/// the data under it changes (<see cref="Evict"/>) or when room is needed (least recently used).
/// Reads take no lock. Every eviction bumps an epoch; a tile generated while an eviction ran is
/// served but not stored, since its query may have read the data before the change.
/// </summary>
public sealed class TileCache(IOptions<TileOptions> options)
{
    private readonly ConcurrentDictionary<TileKey, CachedTile> _tiles = new();
    private readonly object _write = new();
    private readonly long _budget = options.Value.CacheBytes;
    private long _bytes;
    private long _epoch;
    private long _clock;

    public long Bytes => Interlocked.Read(ref _bytes);

    public int Count => _tiles.Count;

    /// <summary>Read before generating a tile and handed to <see cref="TryStore"/>.</summary>
    public long Epoch => Interlocked.Read(ref _epoch);

    public bool TryGet(TileKey key, out CachedTile tile)
    {
        if (!_tiles.TryGetValue(key, out tile!)) return false;
        Volatile.Write(ref tile.LastUsed, Interlocked.Increment(ref _clock));
        return true;
    }

    /// <summary>Whether the tile is cached, without counting as a use (least-recently-used order stays as it is).</summary>
    public bool Contains(TileKey key) => _tiles.ContainsKey(key);

    /// <summary>Stores a tile unless an eviction happened since <paramref name="epoch"/>; trims to the byte budget.</summary>
    public bool TryStore(TileKey key, CachedTile tile, long epoch)
    {
        lock (_write)
        {
            if (_epoch != epoch || _budget == 0) return false;
            tile.LastUsed = Interlocked.Increment(ref _clock);
            if (_tiles.TryGetValue(key, out var old)) _bytes -= old.Cost;
            _tiles[key] = tile;
            _bytes += tile.Cost;
            if (_bytes > _budget) Trim();
            return true;
        }
    }

    /// <summary>Removes every cached tile the predicate selects; returns their keys, and adds those a client was served to <paramref name="served"/>.</summary>
    public IReadOnlyList<TileKey> Evict(Func<TileKey, bool> select, List<TileKey>? served = null)
    {
        lock (_write)
        {
            _epoch++;
            var evicted = new List<TileKey>();
            foreach (var key in _tiles.Keys)
                if (select(key) && _tiles.TryRemove(key, out var tile))
                {
                    _bytes -= tile.Cost;
                    evicted.Add(key);
                    if (tile.Served) served?.Add(key);
                }
            return evicted;
        }
    }

    // Drops the least recently used tiles down to 90 % of the budget, so trimming is rare.
    private void Trim()
    {
        var target = _budget / 10 * 9;
        foreach (var (key, tile) in _tiles.ToArray().OrderBy(e => Volatile.Read(ref e.Value.LastUsed)))
        {
            if (_bytes <= target) break;
            if (_tiles.TryRemove(key, out _)) _bytes -= tile.Cost;
        }
    }
}
