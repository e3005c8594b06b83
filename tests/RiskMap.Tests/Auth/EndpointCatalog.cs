using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace RiskMap.Tests.Auth;

/// <summary>One endpoint the server maps: a method and a path with sample values for its parameters.</summary>
public sealed record MappedEndpoint(string Method, string Pattern, string Path, bool Anonymous)
{
    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>
/// Every endpoint the running server maps, read from its routing (not a list kept by hand), so a
/// new endpoint is in every surface test the day it is added.
/// </summary>
public static partial class EndpointCatalog
{
    private static readonly Dictionary<string, string> Samples = new()
    {
        ["code"] = "513431", ["id"] = "987654321", ["layer"] = "villages", ["z"] = "10", ["x"] = "812", ["y"] = "420", ["username"] = "someone",
    };

    [GeneratedRegex(@"\{\*{0,2}(?<name>[a-zA-Z]+)(:[^}]*)?\??\}")]
    private static partial Regex Parameter();

    public static IReadOnlyList<MappedEndpoint> Of(IServiceProvider services)
    {
        var list = new List<MappedEndpoint>();
        foreach (var e in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + e.RoutePattern.RawText!.TrimStart('/');
            var path = Parameter().Replace(pattern, m => Samples.GetValueOrDefault(m.Groups["name"].Value, "sample"));
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods) list.Add(new MappedEndpoint(method, pattern, path, anonymous));
        }
        return list;
    }
}
