namespace RiskMap.Server.Tiles;

public static class TileSetup
{
    /// <summary>Tile options (validated at start), the byte-bounded cache, the tile SQL, single-flight generation, the invalidator and the warmer.</summary>
    public static WebApplicationBuilder AddTiles(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TileOptions>()
            .Bind(builder.Configuration.GetSection(TileOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<TileCache>();
        builder.Services.AddSingleton<TileQueries>();
        builder.Services.AddSingleton<TileGenerator>();
        builder.Services.AddSingleton<TileInvalidator>();
        builder.Services.AddSingleton<TileWarmer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TileWarmer>());
        return builder;
    }

    /// <summary>
    /// Cached tiles answered ahead of routing and the access middlewares, with the same token check,
    /// rate limit and rules (<see cref="TileHitLane"/>); every other request passes through. Then
    /// routing, so the lane runs before it.
    /// </summary>
    public static WebApplication UseTileHitLane(this WebApplication app)
    {
        app.UseMiddleware<TileHitLane>();
        app.UseRouting();
        return app;
    }
}
