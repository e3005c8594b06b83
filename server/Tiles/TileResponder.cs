using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Npgsql;
using RiskMap.Server.Auth;

namespace RiskMap.Server.Tiles;

/// <summary>
/// <c>GET /tiles/{layer}/{z}/{x}/{y}</c> as a plain request delegate behind the route group's
/// authentication, rate limit and authorization. A cached tile is answered without parameter
/// binding or result objects: header values built once, the gzip bytes written as they are kept,
/// and a matching <c>If-None-Match</c> checked before anything about the body. Every answer says
/// <c>X-Cache: hit</c> or <c>miss</c> (a miss was not in the cache at the first look: it waited for a
/// query, its own or a concurrent one, or rarely found the tile just stored; misses are never undercounted).
/// </summary>
public sealed class TileResponder(TileCache cache, TileGenerator generator, TileWarmer warmer, IOptions<TileOptions> options, IOptions<PrivacyOptions> privacy)
{
    public const string CacheHeader = "X-Cache";

    // Only the browser that asked may keep a tile (private: a tile is for its audience, and the
    // request carried a token), and it must revalidate it every time: tiles change when data
    // changes, not on a clock, and the revalidation is a cheap 304 on the ETag.
    private const string CacheControl = "private, no-cache";

    private readonly TileOptions _options = options.Value;
    private readonly PrivacyOptions _privacy = privacy.Value;

    public Task ServeAsync(HttpContext http)
    {
        var route = http.Request.RouteValues;
        var name = route["layer"] as string ?? "";
        if (TileLayers.Find(name) is not { } layer) return TileEndpoints.UnknownLayer(name).ExecuteAsync(http);
        string z = route["z"] as string ?? "", x = route["x"] as string ?? "", y = route["y"] as string ?? "";
        if (!TileHitLane.TryInt(z, out var zi) || !TileHitLane.TryInt(x, out var xi) || !TileHitLane.TryInt(y, out var yi) || !TileKey.IsValid(zi, xi, yi))
            return Problem(http, StatusCodes.Status400BadRequest, "Tile coordinates out of range",
                $"{z}/{x}/{y} is not a tile: z must be 0–{TileKey.MaxZoom} and x, y 0 to 2^z − 1.");
        if (zi < layer.MinZoom || zi > layer.MaxZoom)
            return Problem(http, StatusCodes.Status400BadRequest, "Zoom outside the layer's range",
                $"Layer '{layer.Name}' has tiles from zoom {layer.MinZoom} to {layer.MaxZoom}, not {zi} (see /tiles/{layer.Name}.json).");

        var caller = Caller.From(http.User) ?? throw new InvalidOperationException($"{http.Request.Path} has no authorization policy requiring a signed-in user");
        if (zi > TileEndpoints.MaxZoomFor(layer, caller, _options))
            return Problem(http, StatusCodes.Status403Forbidden, "Not allowed",
                $"'{layer.Name}' tiles from zoom {_options.HeatPointsFromZoom} show single households: they are for planners, data officers and administrators");

        // The audience is part of the key: a hit is always a tile made for this caller's area and role.
        var key = new TileKey(layer.Name, zi, xi, yi, TileAudience.For(caller, _privacy));
        return cache.TryGet(key, out var tile) ? Write(http, tile, hit: true) : GenerateAsync(http, layer, key);
    }

    private async Task GenerateAsync(HttpContext http, TileLayer layer, TileKey key)
    {
        var ct = http.RequestAborted;
        // An audience first met (an account made after the start) gets its low zooms warmed.
        warmer.Notice(key.Audience!.Value);
        CachedTile tile;
        try { tile = await generator.GetAsync(layer, key, ct); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled && !ct.IsCancellationRequested)
        {
            await Problem(http, StatusCodes.Status503ServiceUnavailable, "Tile took too long",
                $"Generating {key} exceeded the database statement timeout; try again or zoom in.");
            return;
        }
        await Write(http, tile, hit: false);
    }

    /// <summary>A tile's answer: 204 when empty, 304 when the client has it, else the bytes (gzip when accepted).</summary>
    internal static Task Write(HttpContext http, CachedTile tile, bool hit)
    {
        if (!tile.Served) tile.Served = true;
        var response = http.Response;
        var headers = response.Headers;
        headers.CacheControl = CacheControl;
        headers.Vary = HeaderNames.AcceptEncoding;
        headers[CacheHeader] = hit ? "hit" : "miss";
        if (tile.IsEmpty)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        var request = http.Request.Headers;
        var gzip = TileHeaders.AcceptsGzip(request.AcceptEncoding);
        var etag = tile.ETag(gzip);
        headers.ETag = etag;
        // Before anything about the body: a 304 carries only the validators and caching headers.
        if (TileHeaders.Matches(request.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var body = gzip ? tile.Gzip : tile.Plain();
        response.ContentType = TileEndpoints.ContentType;
        if (gzip) headers.ContentEncoding = "gzip";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, 0, body.Length, http.RequestAborted);
    }

    private static Task Problem(HttpContext http, int status, string title, string detail) =>
        TypedResults.Problem(title: title, statusCode: status, detail: detail).ExecuteAsync(http);
}
