using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Auth;

public sealed class SignInTests
{
    [Fact]
    public async Task SignIn_WithTheRightPassword_GivesASessionTokenThatWorks_AndAWrongOneSaysNothingMore()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await using var factory = new RiskMapFactory(db.ConnectionString);
        await factory.Services.GetRequiredService<UserAccounts>().AddAsync("ayi", "乡长 阿依", Role.Planner, Scope("513431"), "correct horse battery", "test", default);
        using var client = factory.CreateClient();

        var signedIn = await client.PostAsJsonAsync("/api/auth/token", new { username = "Ayi", password = "correct horse battery" });
        var token = (await signedIn.Content.ReadFromJsonAsync<JsonObject>())!;
        var wrong = await client.PostAsJsonAsync("/api/auth/token", new { username = "ayi", password = "correct horse batterY" });
        var nobody = await client.PostAsJsonAsync("/api/auth/token", new { username = "nobody", password = "correct horse battery" });

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("session", (string?)token["kind"]);
        Assert.Equal("planner", (string?)token["account"]!["role"]);
        Assert.Equal("513431000000", (string?)token["account"]!["scope"]);
        Assert.InRange((DateTimeOffset)token["expiresAt"]! - DateTimeOffset.UtcNow, TimeSpan.FromHours(11.9), TimeSpan.FromHours(12));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        Assert.Equal(await ProblemAsync(wrong), await ProblemAsync(nobody));

        client.DefaultRequestHeaders.Authorization = new("Bearer", (string)token["token"]!);
        var me = await client.GetFromJsonAsync<JsonObject>("/api/auth/me");
        Assert.Equal("乡长 阿依", (string?)me!["account"]!["displayName"]);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/auth/token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Passwords_AreStoredAsPbkdf2HashesOfAtLeast210000Iterations()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await using var factory = new RiskMapFactory(db.ConnectionString);
        await factory.Services.GetRequiredService<UserAccounts>().AddAsync("jike", "jike", Role.Leader, Scope("513431"), "a long enough password", "test", default);

        var hash = Convert.FromBase64String((await db.ScalarAsync<string>("SELECT password_hash FROM app_user WHERE username = 'jike'"))!);

        // ASP.NET Core Identity v3: 0x01, PRF (2 = HMAC-SHA512), iterations, salt length, salt, subkey; big-endian.
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(2u, ReadUInt32(hash, 1));
        Assert.True(ReadUInt32(hash, 5) >= 210_000);
        Assert.Equal(16u, ReadUInt32(hash, 9));
        Assert.DoesNotContain("a long enough password", System.Text.Encoding.UTF8.GetString(hash));
    }

    [Fact]
    public async Task SignIn_Attempts_AreLimitedPerAddress_With429AndRetryAfter()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await using var factory = new RiskMapFactory(db.ConnectionString, new Dictionary<string, string?> { ["RateLimits:SignInsPerMinute"] = "3" });
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/auth/token", new { username = "guess", password = $"guess {i} guess" })).StatusCode);
        var limited = await client.PostAsJsonAsync("/api/auth/token", new { username = "guess", password = "one more guess" });

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Requests_BeyondAUsersRate_Are429_WhileAnotherUserIsServed()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await using var factory = new RiskMapFactory(db.ConnectionString, new Dictionary<string, string?>
        {
            ["RateLimits:PermitsPerSecond"] = "0.001", ["RateLimits:Burst"] = "5",
        });
        using var busy = await factory.CreateClientAsync(Role.Leader, "513431");
        using var other = await factory.CreateClientAsync(Role.Leader, "513431");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++) statuses.Add((await busy.GetAsync("/tiles")).StatusCode);
        var limited = await busy.GetAsync("/tiles");

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/tiles")).StatusCode);
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response)
    {
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return $"{problem["title"]}: {problem["detail"]}";
    }

    private static uint ReadUInt32(byte[] b, int at) => (uint)(b[at] << 24 | b[at + 1] << 16 | b[at + 2] << 8 | b[at + 3]);

    private static AreaScope Scope(string code) => AreaScope.TryParse(code, out var s) ? s : throw new ArgumentException(code);
}
