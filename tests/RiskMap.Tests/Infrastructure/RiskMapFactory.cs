using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Server.Auth;

namespace RiskMap.Tests.Infrastructure;

/// <summary>
/// The real server (Program) in memory, on a test's own database, optionally on a test's clock.
/// Clients authenticate as the product's clients do: <see cref="CreateClientAsync"/> creates an
/// account with a role and an area in the test's database (as an administrator would) and sends
/// its token.
/// </summary>
public sealed class RiskMapFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    : WebApplicationFactory<Program>
{
    private int _accounts;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:RiskMap", connectionString);
        // Tests see what their own requests do to the cache; a test of warming turns it back on.
        builder.UseSetting("Tiles:WarmMaxZoom", "-1");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
        if (time is not null) builder.ConfigureTestServices(services => services.AddSingleton(time));
    }

    /// <summary>An HTTP client signed in as a new account of <paramref name="role"/> in <paramref name="scope"/> ("all", or a unit code).</summary>
    public async Task<HttpClient> CreateClientAsync(Role role, string scope = "all", TokenKind kind = TokenKind.Session)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await IssueTokenAsync(role, scope, kind));
        return client;
    }

    /// <summary>
    /// A token of a new account of <paramref name="role"/> in <paramref name="scope"/>, issued through the
    /// server's own services (call <see cref="StartKestrel"/> first when serving on a port).
    /// </summary>
    public Task<string> IssueTokenAsync(Role role, string scope = "all", TokenKind kind = TokenKind.Session) =>
        TestAccounts.IssueAsync(Services.GetRequiredService<UserAccounts>(), Services.GetRequiredService<AccessTokens>(),
            $"{role.Key()}-{Interlocked.Increment(ref _accounts)}", role, scope, kind);

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
