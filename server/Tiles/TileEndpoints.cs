using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Npgsql;
using RiskMap.Server.Auth;

namespace RiskMap.Server.Tiles;

/// <summary>What <c>GET /tiles</c> lists: each layer and its TileJSON address.</summary>
public sealed record TileLayerLink(string Name, string TileJson, int MinZoom, int MaxZoom);

public static class TileEndpoints
{
    public const string ContentType = "application/vnd.mapbox-vector-tile";

    // Only the browser that asked may keep a tile (private: a tile is for its audience, and the
    // request carried a token), and it must revalidate it every time: tiles change when data
    // changes, not on a clock, and the revalidation is a cheap 304 on the ETag.
    private const string CacheControl = "private, no-cache";

    public static IEndpointRouteBuilder MapTileEndpoints(this IEndpointRouteBuilder app)
    {
        // Every tile is made for its caller's audience (TileAudience): features of their area only,
        // small counts withheld and no single households for roles without household access.
        var tiles = app.MapGroup("/tiles").WithTags("Tiles").RequireAuthorization(AccessPolicies.View);
        tiles.MapGet("/", ListLayers).WithName("TileLayers");
        tiles.MapGet("/{layer}.json", GetTileJson).WithName("TileJson");
        tiles.MapGet("/{layer}/{z}/{x}/{y}", GetTile).WithName("Tile");
        return app;
    }

    private static Ok<TileLayerLink[]> ListLayers(HttpRequest request, Caller caller, IOptions<TileOptions> options) =>
        TypedResults.Ok(TileLayers.All.Select(l => new TileLayerLink(l.Name, $"{BaseUrl(request)}/tiles/{l.Name}.json", l.MinZoom, MaxZoomFor(l, caller, options.Value))).ToArray());

    private static async Task<Results<Ok<TileJson>, ProblemHttpResult>> GetTileJson(
        string layer, HttpRequest request, Caller caller, TileQueries queries, IOptions<TileOptions> options, CancellationToken ct)
    {
        if (TileLayers.Find(layer) is not { } found) return UnknownLayer(layer);
        var bounds = await queries.DataBoundsAsync(caller.Scope.Root?.Value, ct);
        // Without household access the heat layer stops below the single-household zoom; MapLibre overzooms its cells.
        var shown = found with { MaxZoom = MaxZoomFor(found, caller, options.Value) };
        return TypedResults.Ok(TileJson.For(shown, $"{BaseUrl(request)}/tiles/{found.Name}/{{z}}/{{x}}/{{y}}", bounds));
    }

    private static async Task<Results<FileContentHttpResult, NoContent, StatusCodeHttpResult, ProblemHttpResult>> GetTile(
        string layer, string z, string x, string y, HttpContext http, Caller caller, TileGenerator tiles,
        IOptions<TileOptions> options, IOptions<PrivacyOptions> privacy, CancellationToken ct)
    {
        if (TileLayers.Find(layer) is not { } found) return UnknownLayer(layer);
        if (!TryParse(z, out var zi) || !TryParse(x, out var xi) || !TryParse(y, out var yi) || !TileKey.IsValid(zi, xi, yi))
            return TypedResults.Problem(title: "Tile coordinates out of range", statusCode: StatusCodes.Status400BadRequest,
                detail: $"{z}/{x}/{y} is not a tile: z must be 0–{TileKey.MaxZoom} and x, y 0 to 2^z − 1.");
        if (zi < found.MinZoom || zi > found.MaxZoom)
            return TypedResults.Problem(title: "Zoom outside the layer's range", statusCode: StatusCodes.Status400BadRequest,
                detail: $"Layer '{found.Name}' has tiles from zoom {found.MinZoom} to {found.MaxZoom}, not {zi} (see /tiles/{found.Name}.json).");

        if (zi > MaxZoomFor(found, caller, options.Value))
            return TypedResults.Problem(title: "Not allowed", statusCode: StatusCodes.Status403Forbidden,
                detail: $"'{found.Name}' tiles from zoom {options.Value.HeatPointsFromZoom} show single households: they are for planners, data officers and administrators");

        var key = new TileKey(found.Name, zi, xi, yi, TileAudience.For(caller, privacy.Value));
        CachedTile tile;
        try { tile = await tiles.GetAsync(found, key, ct); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled && !ct.IsCancellationRequested)
        {
            return TypedResults.Problem(title: "Tile took too long", statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: $"Generating {key} exceeded the database statement timeout; try again or zoom in.");
        }
        return Respond(http, tile);
    }

    private static Results<FileContentHttpResult, NoContent, StatusCodeHttpResult, ProblemHttpResult> Respond(HttpContext http, CachedTile tile)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = CacheControl;
        headers.Vary = HeaderNames.AcceptEncoding;
        if (tile.IsEmpty) return TypedResults.NoContent();

        var gzip = AcceptsGzip(http.Request);
        var etag = tile.ETag(gzip);
        headers.ETag = etag;
        if (Matches(http.Request.Headers.IfNoneMatch, etag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        if (!gzip) return TypedResults.Bytes(tile.Plain(), ContentType);
        headers.ContentEncoding = "gzip";
        return TypedResults.Bytes(tile.Gzip, ContentType);
    }

    // If-None-Match uses the weak comparison (RFC 9110 § 13.1.2): a W/ prefix added by a proxy still matches.
    private static bool Matches(string? ifNoneMatch, string etag)
    {
        if (string.IsNullOrEmpty(ifNoneMatch)) return false;
        foreach (var part in ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = part.StartsWith("W/", StringComparison.Ordinal) ? part[2..] : part;
            if (candidate == "*" || candidate == etag) return true;
        }
        return false;
    }

    private static int MaxZoomFor(TileLayer layer, Caller caller, TileOptions options) =>
        layer.Source == TileSource.Heat && !caller.SeesHouseholds ? Math.Min(layer.MaxZoom, Math.Max(layer.MinZoom, options.HeatPointsFromZoom - 1)) : layer.MaxZoom;

    private static bool AcceptsGzip(HttpRequest request) =>
        request.GetTypedHeaders().AcceptEncoding.Any(e =>
            (e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) || e.Value.Equals("*", StringComparison.Ordinal))
            && (e.Quality ?? 1) > 0);

    private static bool TryParse(string s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static ProblemHttpResult UnknownLayer(string layer) =>
        TypedResults.Problem(title: "Unknown tile layer", statusCode: StatusCodes.Status404NotFound,
            detail: $"There is no layer '{layer}'. Layers: {string.Join(", ", TileLayers.All.Select(l => l.Name))}.");

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
