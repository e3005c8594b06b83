using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskMap.Server.Auth;
using RiskMap.Server.Live;

using RiskMap.Server.Tiles;

namespace RiskMap.Server.Health;

/// <summary>
/// What <c>GET /api/admin/runtime</c> reports: this server process's memory, garbage collector and
/// thread pool now, how many live connections subscribe to something, and the tile cache and warmer. For operators and the soak benchmark
/// (bench/soak), which reads it every minute to see whether memory grows. <c>GcRetainedBytes</c> is what
/// the last full (generation 2) collection left alive in the long-lived generations (2, large and pinned
/// objects), 0 before the first: the figure that grows if something leaks, where the heap now also
/// counts young garbage not yet collected.
/// </summary>
public sealed record RuntimeFigures(
    DateTimeOffset At, double UptimeSeconds, long WorkingSetBytes, long GcHeapBytes, long GcRetainedBytes, long GcCommittedBytes, long GcFragmentedBytes,
    long AllocatedBytes, int Gen0Collections, int Gen1Collections, int Gen2Collections, double GcPauseTimePercentage,
    int ThreadPoolThreads, long ThreadPoolPendingItems, int SubscribedConnections,
    int CachedTiles, long CachedTileBytes, long WarmedTiles, int TilesWaitingToWarm, bool TileWarmerIdle, int TileQueriesPeak);

public static class RuntimeEndpoints
{
    public static IEndpointRouteBuilder MapRuntimeEndpoints(this IEndpointRouteBuilder app)
    {
        // Administrators only: it names no data, but says how loaded the server is.
        app.MapGet("/api/admin/runtime", GetRuntime).WithTags("Admin").RequireAuthorization(AccessPolicies.Administer);
        return app;
    }

    private static Ok<RuntimeFigures> GetRuntime(LiveSubscriptions subscriptions, TileCache tiles, TileWarmer warmer, TileGenerator generator, TimeProvider time)
    {
        using var process = Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo();
        var blocking = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var background = GC.GetGCMemoryInfo(GCKind.Background);
        var full = background.Index > blocking.Index ? background : blocking;
        long retained = 0;
        if (full.Index > 0) for (var g = 2; g < full.GenerationInfo.Length; g++) retained += full.GenerationInfo[g].SizeAfterBytes;
        return TypedResults.Ok(new RuntimeFigures(
            time.GetUtcNow(), (DateTime.Now - process.StartTime).TotalSeconds, process.WorkingSet64,
            gc.HeapSizeBytes, retained, gc.TotalCommittedBytes, gc.FragmentedBytes, GC.GetTotalAllocatedBytes(),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), gc.PauseTimePercentage,
            ThreadPool.ThreadCount, ThreadPool.PendingWorkItemCount, subscriptions.ConnectionCount,
            tiles.Count, tiles.Bytes, warmer.Warmed, warmer.Pending, warmer.IsIdle, generator.PeakConcurrentQueries));
    }
}
