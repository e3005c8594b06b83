using System.Globalization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RiskMap.Server.Auth;

namespace RiskMap.Server.Tiles;

/// <summary>
/// Answers a tile that is in the cache ahead of routing and the access middlewares, which cost
/// about a third of a hit (docs/benchmarks.md), by making the same decisions they would with the
/// same code: the token checked by <see cref="AccessTokens"/> (its principal becomes the request's
/// user), the request drawn from the same per-token bucket of the global rate limiter, the tiles'
/// policy (<see cref="AccessPolicies.View"/>: a valid token) and the zoom rule of
/// <see cref="TileEndpoints.MaxZoomFor"/>. Anything else — no token, a refused token, an empty
/// bucket, a zoom the caller may not see, a tile not cached, a malformed path — goes on to the
/// ordinary pipeline untouched, which answers it (401, 429, 403, 400, or generates the tile), so
/// every refusal is still written in one place. A miss draws nothing from the bucket here.
/// </summary>
public sealed class TileHitLane(
    RequestDelegate next, TileCache cache, AccessTokens tokens, IOptions<RateLimiterOptions> limiter,
    IOptions<TileOptions> options, IOptions<PrivacyOptions> privacy)
{
    private const string Prefix = "/tiles/";
    private readonly TileOptions _options = options.Value;
    private readonly PrivacyOptions _privacy = privacy.Value;

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) || !TryParse(request.Path.Value, out var layer, out var z, out var x, out var y)
            || BearerAuthentication.TokenOf(request) is not { } token)
        {
            await next(http);
            return;
        }
        var check = await tokens.CheckAsync(token, http.RequestAborted);
        if (check is not { Caller: { } caller, Principal: { } principal } || z > TileEndpoints.MaxZoomFor(layer, caller, _options)
            || !cache.TryGet(new TileKey(layer.Name, z, x, y, TileAudience.For(caller, _privacy)), out var tile))
        {
            await next(http);
            return;
        }

        // The rate limiter partitions by the request's user, as behind the authentication middleware.
        http.User = principal;
        using var lease = limiter.Value.GlobalLimiter?.AttemptAcquire(http);
        if (lease is { IsAcquired: false })
        {
            // The ordinary path asks the same bucket again and writes the 429 with its Retry-After.
            await next(http);
            return;
        }
        await TileResponder.Write(http, tile, hit: true);
    }

    /// <summary>
    /// <c>/tiles/{layer}/{z}/{x}/{y}</c> with a known layer and a tile of its zoom range; false for
    /// anything else (the TileJSON, the list, a bad path), which the endpoint answers as before.
    /// </summary>
    internal static bool TryParse(string? path, out TileLayer layer, out int z, out int x, out int y)
    {
        layer = null!;
        z = x = y = 0;
        if (path is null || !path.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var rest = path.AsSpan(Prefix.Length);
        Span<Range> parts = stackalloc Range[5];
        if (rest.Split(parts, '/') != 4) return false;
        if (TileLayers.Find(rest[parts[0]]) is not { } found
            || !TryInt(rest[parts[1]], out z) || !TryInt(rest[parts[2]], out x) || !TryInt(rest[parts[3]], out y)
            || !TileKey.IsValid(z, x, y) || z < found.MinZoom || z > found.MaxZoom) return false;
        layer = found;
        return true;
    }

    /// <summary>A tile coordinate: digits only, no sign, no spaces.</summary>
    internal static bool TryInt(ReadOnlySpan<char> s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
