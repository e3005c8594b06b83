using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RiskMap.Server.Auth;
using RiskMap.Server.Tiles;

namespace RiskMap.Server.Basemap;

/// <summary>What <c>GET /basemap/tiles.json</c> answers: where the basemap's tiles are and for which zooms.</summary>
public sealed record BasemapTileJson(string Tilejson, string Name, string[] Tiles, int Minzoom, int Maxzoom, string? Attribution);

public static class BasemapEndpoints
{
    public static IServiceCollection AddBasemap(this IServiceCollection services)
    {
        services.AddOptions<BasemapOptions>().BindConfiguration(BasemapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapBasemapEndpoints(this IEndpointRouteBuilder app)
    {
        var basemap = app.MapGroup("/basemap").WithTags("Basemap").RequireAuthorization(AccessPolicies.View);
        basemap.MapGet("/tiles.json", GetTileJson).WithName("BasemapTileJson");
        basemap.MapGet("/{z:int}/{x:int}/{y:int}", GetTile).WithName("BasemapTile");
        return app;
    }

    private static Results<Ok<BasemapTileJson>, ProblemHttpResult> GetTileJson(HttpRequest request, IOptions<BasemapOptions> options)
    {
        var o = options.Value;
        if (Folder(o) is null) return NotConfigured(o);
        var tiles = $"{TileEndpoints.BaseUrl(request)}/basemap/{{z}}/{{x}}/{{y}}";
        return TypedResults.Ok(new BasemapTileJson("3.0.0", "basemap", [tiles], o.MinZoom, o.MaxZoom, o.Attribution));
    }

    private static Results<PhysicalFileHttpResult, NotFound, ProblemHttpResult> GetTile(int z, int x, int y, HttpResponse response, IOptions<BasemapOptions> options)
    {
        var o = options.Value;
        if (Folder(o) is not { } folder) return NotConfigured(o);
        if (!TileKey.IsValid(z, x, y))
            return TypedResults.Problem(title: "Invalid tile coordinates", statusCode: StatusCodes.Status400BadRequest,
                detail: $"{z}/{x}/{y} is not a tile: z must be 0–{TileKey.MaxZoom} and x, y 0 to 2^z − 1.");
        // z, x and y are integers, so the path stays inside the folder.
        var path = Path.Combine(folder, z.ToString(), x.ToString(), $"{y}.{o.Format}");
        if (z < o.MinZoom || z > o.MaxZoom || !File.Exists(path)) return TypedResults.NotFound();
        response.Headers.CacheControl = "private, max-age=86400";
        return TypedResults.PhysicalFile(path, o.ContentType!);
    }

    private static string? Folder(BasemapOptions o) =>
        string.IsNullOrWhiteSpace(o.Directory) || !Directory.Exists(o.Directory) ? null : Path.GetFullPath(o.Directory);

    private static ProblemHttpResult NotConfigured(BasemapOptions o) =>
        TypedResults.Problem(title: "No basemap", statusCode: StatusCodes.Status404NotFound,
            detail: string.IsNullOrWhiteSpace(o.Directory)
                ? "This deployment has no basemap (Basemap:Directory is not set)."
                : $"The basemap folder {o.Directory} does not exist.");
}
