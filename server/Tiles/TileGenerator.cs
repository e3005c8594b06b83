using Microsoft.Extensions.Options;

namespace RiskMap.Server.Tiles;

/// <summary>
/// Cache-or-generate for one tile, with at most one query per tile at a time: concurrent misses of
/// the same tile (every wall screen refetching it after an invalidation) share one generation. The
/// shared query is cancelled, in PostgreSQL too, when the last request waiting for it goes away.
/// At most <see cref="TileOptions.MaxConcurrentQueries"/> tile queries run at once; the others wait
/// their turn in arrival order, here rather than in the database, where sixteen queries sharing two
/// cores all finish late (docs/benchmarks.md, issue 5: the p99 of uncached tiles).
/// </summary>
public sealed class TileGenerator(TileCache cache, TileQueries queries, IOptions<TileOptions> options)
{
    private readonly Dictionary<TileKey, Flight> _flights = new();
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentQueries, options.Value.MaxConcurrentQueries);
    private int _running, _peak;

    /// <summary>The most tile queries that ran at once since the start (GET /api/admin/runtime).</summary>
    public int PeakConcurrentQueries => Volatile.Read(ref _peak);

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
            byte[] mvt;
            await _slots.WaitAsync(flight.Abandoned.Token);
            try
            {
                var running = Interlocked.Increment(ref _running);
                for (var peak = _peak; running > peak && Interlocked.CompareExchange(ref _peak, running, peak) != peak; peak = _peak) { }
                mvt = await queries.TileAsync(layer, key.Z, key.X, key.Y, key.Audience ?? TileAudience.Everyone, flight.Abandoned.Token);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
                _slots.Release();
            }
            var tile = CachedTile.From(mvt);
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
