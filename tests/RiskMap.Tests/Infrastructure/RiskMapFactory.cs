using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace RiskMap.Tests.Infrastructure;

/// <summary>The real server (Program) in memory, on a test's own database, optionally on a test's clock.</summary>
public sealed class RiskMapFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:RiskMap", connectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
        if (time is not null) builder.ConfigureTestServices(services => services.AddSingleton(time));
    }

    /// <summary>
    /// Serves on a real loopback port (Kestrel) instead of in memory, for clients outside this process; returns its URL.
    /// <paramref name="port"/> 0 takes a free one; a given port lets a test stop a server and start another where it was.
    /// </summary>
    public string StartKestrel(int port = 0)
    {
        // On Kestrel's own options, fixed before the host is built: UseKestrel(port) instead sets the
        // server's addresses once the host is built, which races the server's start-up (migrations,
        // then RunAsync) and now and then finds them read-only ("cannot be modified after the server
        // has started").
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").Replace("localhost", "127.0.0.1");
    }
}
