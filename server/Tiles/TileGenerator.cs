namespace RiskMap.Server.Tiles;

/// <summary>
/// Cache-or-generate for one tile, with at most one query per tile at a time: concurrent misses of
/// the same tile (every wall screen refetching it after an invalidation) share one generation. The
/// shared query is cancelled, in PostgreSQL too, when the last request waiting for it goes away.
/// </summary>
public sealed class TileGenerator(TileCache cache, TileQueries queries)
{
    private readonly Dictionary<TileKey, Flight> _flights = new();

    public async Task<CachedTile> GetAsync(TileLayer layer, TileKey key, CancellationToken ct)
    {
        if (cache.TryGet(key, out var cached)) return cached;
        Flight flight;
        lock (_flights)
        {
            // A flight whose waiters all left is being cancelled: start a fresh one beside it.
            if (!_flights.TryGetValue(key, out flight!) || flight.Abandoned.IsCancellationRequested)
            {
                flight = new Flight();
                _flights[key] = flight;
                flight.Task = RunAsync(layer, key, flight);
            }
            flight.Waiters++;
        }
        try
        {
            return await flight.Task.WaitAsync(ct);
        }
        finally
        {
            lock (_flights)
                if (--flight.Waiters == 0 && !flight.Done) flight.Abandoned.Cancel();
        }
    }

    private async Task<CachedTile> RunAsync(TileLayer layer, TileKey key, Flight flight)
    {
        await Task.Yield(); // leave the lock before any work
        try
        {
            var epoch = cache.Epoch;
            var tile = CachedTile.From(await queries.TileAsync(layer, key.Z, key.X, key.Y, key.Audience ?? TileAudience.Everyone, flight.Abandoned.Token));
            cache.TryStore(key, tile, epoch);
            return tile;
        }
        finally
        {
            lock (_flights)
            {
                flight.Done = true;
                if (_flights.TryGetValue(key, out var current) && current == flight) _flights.Remove(key);
                flight.Abandoned.Dispose();
            }
        }
    }

    private sealed class Flight
    {
        public Task<CachedTile> Task = null!;
        public readonly CancellationTokenSource Abandoned = new();
        public int Waiters;
        public bool Done;
    }
}
