using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace RiskMap.Server.Http;

/// <summary>
/// JSON, CSV and GeoJSON answers compressed for clients that accept it (a replay of a province's
/// 37,000 units is megabytes of JSON; gzip takes a tenth). Tiles carry their own gzip and are
/// served ahead of this; the viewer's files and the hub's streams are not in the list. Not over
/// HTTPS (the framework's default), where compressing answers beside secrets invites BREACH.
/// </summary>
public static class ApiCompression
{
    private static readonly string[] MimeTypes =
        ["application/json", "application/problem+json", "application/geo+json", "text/csv"];

    public static IServiceCollection AddApiCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.MimeTypes = MimeTypes;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        // Fastest: a few milliseconds for a megabyte, at most a few percent larger than Optimal.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }
}
