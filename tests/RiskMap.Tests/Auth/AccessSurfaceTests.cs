using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RiskMap.Server.Auth;

namespace RiskMap.Tests.Auth;

/// <summary>Every surface refuses a request without a valid token, except the few that must be public.</summary>
public sealed class AccessSurfaceTests
{
    [Fact]
    public async Task WithoutAToken_EveryEndpointButHealthAndSignInIs401Problem()
    {
        await using var world = await AccessWorld.StartAsync();
        using var anonymous = world.Client(null);
        var endpoints = EndpointCatalog.Of(world.Factory.Services);

        // Public on purpose: health probes, sign-in, and (when viewer/dist is missing) the viewer's "not built" page.
        Assert.Equal(["GET /health", "POST /api/auth/token"], endpoints.Where(e => e.Anonymous && e.Pattern != "/").Select(e => e.ToString()).Order(StringComparer.Ordinal));
        Assert.True(endpoints.Count(e => !e.Anonymous) >= 30, $"only {endpoints.Count} endpoints found: {string.Join(", ", endpoints)}");
        foreach (var endpoint in endpoints.Where(e => !e.Anonymous))
        {
            using var response = await anonymous.SendAsync(Request(endpoint));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{endpoint}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task ARefusedToken_Is401SayingWhy_ForEveryKindOfRefusal()
    {
        await using var world = await AccessWorld.StartAsync();
        var revoked = await world.Factory.IssueTokenAsync(Role.Planner, "513431");
        using (var planner = world.Client(revoked))
            Assert.Equal(HttpStatusCode.NoContent, (await planner.DeleteAsync("/api/auth/token")).StatusCode);
        var expiring = await world.Factory.IssueTokenAsync(Role.Planner, "513431");
        await world.Db.ExecuteAsync("UPDATE access_token SET expires_at = now() - interval '1 second' WHERE token_hash = $1", TokenText.Hash(expiring));

        var cases = new (string Token, string Says)[]
        {
            ("not-a-token", "is not a RiskMap token"),
            (TokenText.New(), "is not known"),
            (revoked, "was revoked"),
            (expiring, "has expired"),
        };
        foreach (var (token, says) in cases)
        {
            using var client = world.Client(token);
            using var response = await client.GetAsync("/api/units/513431");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Token refused", problem.GetProperty("title").GetString());
            Assert.Contains(says, problem.GetProperty("detail").GetString());
            Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task AToken_IsStoredOnlyAsItsHash()
    {
        await using var world = await AccessWorld.StartAsync();
        var token = await world.Factory.IssueTokenAsync(Role.Leader, "513431");

        Assert.Equal(1L, await world.Db.ScalarAsync<long>("SELECT count(*) FROM access_token WHERE token_hash = $1", TokenText.Hash(token)));
        Assert.Equal(0L, await world.Db.ScalarAsync<long>(
            "SELECT count(*) FROM access_token t JOIN app_user u USING (user_id) WHERE position($1 IN t::text || u::text) > 0", token[3..20]));
    }

    private static HttpRequestMessage Request(MappedEndpoint endpoint)
    {
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path);
        if (endpoint.Method is "POST" or "PATCH" or "PUT") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return request;
    }
}
