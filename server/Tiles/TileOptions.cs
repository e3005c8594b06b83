using System.ComponentModel.DataAnnotations;

namespace RiskMap.Server.Tiles;

/// <summary>Vector tile cache and generation settings (section <c>Tiles</c> of appsettings.json).</summary>
public sealed class TileOptions : IValidatableObject
{
    public const string Section = "Tiles";

    /// <summary>Most bytes of gzip-compressed tiles kept in memory; least recently used tiles go first beyond it. 0 turns the cache off (behind a CDN, or to measure generation).</summary>
    [Range(0, long.MaxValue)]
    public long CacheBytes { get; set; } = 256L << 20;

    /// <summary>Most features in one tile layer: the largest units (or heaviest heat cells) are kept, so a tile stays drawable.</summary>
    [Range(1, 1_000_000)]
    public int MaxFeaturesPerTile { get; set; } = 20_000;

    /// <summary>Tile-unit margin (of 4096) drawn around each tile so strokes and labels do not stop at tile edges.</summary>
    [Range(0, 1024)]
    public int Buffer { get; set; } = 64;

    /// <summary>First zoom at which <c>risk-heat</c> carries single household points; below it, grid cells only.</summary>
    [Range(0, 22)]
    public int HeatPointsFromZoom { get; set; } = 14;

    /// <summary>Side of a heat aggregation cell in tile units (of 4096; 128 = 16 px on a 512 px tile). A power of two, so cells never straddle tiles.</summary>
    [Range(16, 1024)]
    public int HeatCellSize { get; set; } = 128;

    /// <summary>Heat cells with fewer households than this are left out (small counts suppressed, domain.md § Privacy).</summary>
    [Range(1, 1000)]
    public int HeatMinHouseholdsPerCell { get; set; } = 3;

    /// <summary>
    /// Most tile queries running in the database at once; more wait their turn in arrival order. Twice
    /// the processor count by default (the managed PostGIS shares this machine): on 2 cores, 16 requests
    /// at once with 4 queries running gave p99 12–81 ms against 54–412 ms with every request's query in
    /// the database, at the same throughput (docs/benchmarks.md, issue 5).
    /// </summary>
    [Range(1, 1024)]
    public int MaxConcurrentQueries { get; set; } = Math.Max(2, 2 * Environment.ProcessorCount);

    /// <summary>How many invalidation events the change feed holds for a slow reader before dropping the oldest.</summary>
    [Range(1, 1_000_000)]
    public int ChangeFeedCapacity { get; set; } = 1024;

    /// <summary>
    /// Deepest zoom pre-generated (warmed) for every account's audience at start, and generated again
    /// after a change evicts a tile someone was served; −1 turns warming off.
    /// </summary>
    [Range(-1, 12)]
    public int WarmMaxZoom { get; set; } = 10;

    /// <summary>How long after a change an evicted tile is generated again by the warmer: viewers told of the change refetch first.</summary>
    public TimeSpan WarmAfterChange { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((HeatCellSize & (HeatCellSize - 1)) != 0)
            yield return new ValidationResult($"Tiles:HeatCellSize must be a power of two, not {HeatCellSize}", [nameof(HeatCellSize)]);
    }
}
