using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace RiskMap.Server.Tiles;

/// <summary>
/// Where a change happened: a layer and the box (degrees) its changed features lie in, and the
/// changed unit code or site id when the change was about one.
/// </summary>
public sealed record ChangedArea(string Layer, GeoBox Box, long? Subject = null);

/// <summary>
/// What one invalidation changed: the cached tiles evicted (clients holding them should refetch;
/// their ETags may or may not change) and, per layer, the changed areas, for tiles a client holds
/// that the server had already dropped from its cache.
/// </summary>
public sealed record TilesInvalidated(IReadOnlyList<TileKey> Tiles, IReadOnlyList<ChangedArea> Areas);

/// <summary>
/// Evicts exactly the cached tiles that can show changed units or sites, at every cached zoom, and
/// publishes what it evicted on <see cref="Changes"/> for the live-update pipeline. Call it after
/// the transaction that changed the data has committed.
/// </summary>
public sealed class TileInvalidator(TileCache cache, TileQueries queries, TileWarmer warmer, IOptions<TileOptions> options)
{
    private readonly Channel<TilesInvalidated> _changes = Channel.CreateBounded<TilesInvalidated>(
        new BoundedChannelOptions(options.Value.ChangeFeedCapacity) { FullMode = BoundedChannelFullMode.DropOldest });

    // A tile shows features reaching into its buffer, so its box grows by the buffer before the test.
    private readonly double _margin = (double)options.Value.Buffer / TileQueries.Extent;

    /// <summary>Every invalidation, in order; one reader (the live-update pipeline). Oldest dropped when it lags.</summary>
    public ChannelReader<TilesInvalidated> Changes => _changes.Reader;

    /// <summary>
    /// The figures (or households) of these units changed: evicts their polygon layer, labels, and
    /// the heat tiles over them. Pass every unit whose figures changed (a village and, when their
    /// figures changed too, its township and county); codes without a geometry are ignored.
    /// </summary>
    public async Task<TilesInvalidated> InvalidateUnitsAsync(IReadOnlyCollection<long> unitCodes, CancellationToken ct)
    {
        var boxes = await queries.UnitBoxesAsync(unitCodes, ct);
        var areas = new List<ChangedArea>();
        foreach (var unit in boxes)
        {
            foreach (var layer in TileLayers.All)
                if (layer.UnitLevel == unit.Level || layer.Source is TileSource.Labels or TileSource.Heat)
                    areas.Add(new ChangedArea(layer.Name, unit.Box, unit.Code));
        }
        return Publish(areas);
    }

    /// <summary>The figures of these resettlement sites changed: evicts the site tiles showing them.</summary>
    public async Task<TilesInvalidated> InvalidateSitesAsync(IReadOnlyCollection<long> siteIds, CancellationToken ct)
    {
        var points = await queries.SitePointsAsync(siteIds, ct);
        return Publish(points.Select(p => new ChangedArea("sites", p.Box, p.SiteId)).ToList());
    }

    /// <summary>
    /// Households changed at these positions (degrees; pass old and new when one moved): evicts the
    /// heat tiles over them. Needed for relocated households, whose point is their resettlement site,
    /// which may lie outside their village's box.
    /// </summary>
    public TilesInvalidated InvalidateHouseholdPositions(IEnumerable<(double Lon, double Lat)> positions) =>
        Publish(positions.Select(p => new ChangedArea("risk-heat", new GeoBox(p.Lon, p.Lat, p.Lon, p.Lat))).ToList());

    /// <summary>Everything changed (a bulk import, new boundaries): empties the cache.</summary>
    public TilesInvalidated InvalidateAll() =>
        Publish(TileLayers.All.Select(l => new ChangedArea(l.Name, new GeoBox(-180, -90, 180, 90))).ToList());

    private TilesInvalidated Publish(IReadOnlyList<ChangedArea> areas)
    {
        var byLayer = areas.ToLookup(a => a.Layer, a => a.Box);
        var served = new List<TileKey>();
        var evicted = cache.Evict(key =>
        {
            var tile = key.Bounds(_margin);
            return byLayer[key.Layer].Any(box => box.Intersects(tile));
        }, served);
        // Tiles in use stay warm; a warmed tile nobody looked at waits until it is asked for.
        warmer.Rewarm(served);
        var change = new TilesInvalidated(evicted, areas);
        _changes.Writer.TryWrite(change);
        return change;
    }
}
