using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace RiskMap.Server.Tiles;

/// <summary>A unit's level and bounding box, as invalidation needs them.</summary>
public sealed record UnitBox(long Code, int Level, GeoBox Box);

/// <summary>Runs the tile SQL: request values are always bind parameters, and the request's token reaches Npgsql (and so the server).</summary>
public sealed class TileQueries(NpgsqlDataSource db, IOptions<TileOptions> options)
{
    /// <summary>MVT tile coordinates per side; 4096 is what MapLibre and ST_AsMVT expect.</summary>
    public const int Extent = 4096;

    private readonly TileOptions _options = options.Value;

    /// <summary>The MVT bytes of one tile for <paramref name="audience"/>; empty when the tile has no features.</summary>
    public async Task<byte[]> TileAsync(TileLayer layer, int z, int x, int y, TileAudience audience, CancellationToken ct)
    {
        long first = audience.First, last = audience.Last;
        var k = audience.MinimumCount;
        var (sql, extra) = layer.Source switch
        {
            TileSource.Units => ("unit_tile", new object[] { layer.UnitLevel!.Value, first, last, k }),
            TileSource.Labels => ("label_tile", [TileLayer.DeepestLabelLevel(z), first, last]),
            TileSource.Sites => ("site_tile", [first, last, k]),
            TileSource.Heat when z >= _options.HeatPointsFromZoom && audience.HouseholdPoints => ("heat_point_tile", [first, last]),
            // Without household access, cells at every zoom, and none smaller than k households; at low
            // zooms summed from the per-village zoom-14 cells, deeper from the households themselves.
            TileSource.Heat => (HeatFromGrid(z) ? "heat_grid_tile" : "heat_cell_tile",
                [_options.HeatCellSize, Math.Max(_options.HeatMinHouseholdsPerCell, k), first, last]),
            _ => throw new ArgumentOutOfRangeException(nameof(layer)),
        };
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(TileSql.Get(sql), conn);
        foreach (var value in new object[] { z, x, y, layer.Name, Extent, _options.Buffer, _options.MaxFeaturesPerTile }.Concat(extra))
            cmd.Parameters.Add(new NpgsqlParameter { Value = value });
        // Prepared once per pooled connection (Npgsql keeps it), so a tile is parse- and plan-free.
        await cmd.PrepareAsync(ct);
        // A cancel that lands during the prepare round trip reaches PostgreSQL while nothing runs
        // and is ignored there; check before starting the real work.
        ct.ThrowIfCancellationRequested();
        return await cmd.ExecuteScalarAsync(ct) as byte[] ?? [];
    }

    /// <summary>Zoom of the kept heat grid (heat_cell): its cells are zoom-14 tiles.</summary>
    public const int HeatGridZoom = 14;

    /// <summary>Whether a heat tile at zoom <paramref name="z"/> is made from the kept grid: when each of its cells is a whole block of grid cells.</summary>
    public bool HeatFromGrid(int z) => z + int.Log2(Extent / _options.HeatCellSize) <= HeatGridZoom;

    /// <summary>The area holding data: everywhere (<paramref name="root"/> null) or the extent of one unit; null when there is none.</summary>
    public async Task<GeoBox?> DataBoundsAsync(long? root, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(TileSql.Get("layer_bounds"));
        cmd.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = root, NpgsqlDbType = NpgsqlDbType.Bigint });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new GeoBox(reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3));
    }

    /// <summary>Levels and bounding boxes of the given units (units without a geometry are skipped).</summary>
    public async Task<IReadOnlyList<UnitBox>> UnitBoxesAsync(IReadOnlyCollection<long> codes, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(TileSql.Get("unit_boxes"));
        cmd.Parameters.Add(new NpgsqlParameter { Value = codes.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var boxes = new List<UnitBox>();
        while (await reader.ReadAsync(ct))
            boxes.Add(new UnitBox(reader.GetInt64(0), reader.GetInt16(1),
                new GeoBox(reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5))));
        return boxes;
    }

    /// <summary>Positions of the given resettlement sites, as zero-size boxes, with their ids.</summary>
    public async Task<IReadOnlyList<(long SiteId, GeoBox Box)>> SitePointsAsync(IReadOnlyCollection<long> siteIds, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(TileSql.Get("site_points"));
        cmd.Parameters.Add(new NpgsqlParameter { Value = siteIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var points = new List<(long, GeoBox)>();
        while (await reader.ReadAsync(ct))
            points.Add((reader.GetInt64(0), new GeoBox(reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(1), reader.GetDouble(2))));
        return points;
    }
}
