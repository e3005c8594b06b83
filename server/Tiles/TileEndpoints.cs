using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RiskMap.Server.Auth;

namespace RiskMap.Server.Tiles;

/// <summary>What <c>GET /tiles</c> lists: each layer and its TileJSON address.</summary>
public sealed record TileLayerLink(string Name, string TileJson, int MinZoom, int MaxZoom);

public static class TileEndpoints
{
    public const string ContentType = "application/vnd.mapbox-vector-tile";

    public static IEndpointRouteBuilder MapTileEndpoints(this IEndpointRouteBuilder app)
    {
        // Every tile is made for its caller's audience (TileAudience): features of their area only,
        // small counts withheld and no single households for roles without household access.
        var tiles = app.MapGroup("/tiles").WithTags("Tiles").RequireAuthorization(AccessPolicies.View);
        tiles.MapGet("/", ListLayers).WithName("TileLayers");
        tiles.MapGet("/{layer}.json", GetTileJson).WithName("TileJson");
        // A plain request delegate: a cached tile is written without binding or result objects (TileResponder).
        var responder = ActivatorUtilities.CreateInstance<TileResponder>(app.ServiceProvider);
        tiles.MapGet("/{layer}/{z}/{x}/{y}", (RequestDelegate)responder.ServeAsync).WithName("Tile");
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

    internal static int MaxZoomFor(TileLayer layer, Caller caller, TileOptions options) =>
        layer.Source == TileSource.Heat && !caller.SeesHouseholds ? Math.Min(layer.MaxZoom, Math.Max(layer.MinZoom, options.HeatPointsFromZoom - 1)) : layer.MaxZoom;

    internal static ProblemHttpResult UnknownLayer(string layer) =>
        TypedResults.Problem(title: "Unknown tile layer", statusCode: StatusCodes.Status404NotFound,
            detail: $"There is no layer '{layer}'. Layers: {string.Join(", ", TileLayers.All.Select(l => l.Name))}.");

    /// <summary>The server's own address as the client reached it, for the tile URLs a TileJSON lists.</summary>
    internal static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
