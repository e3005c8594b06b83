using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using RiskMap.Server.Database;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_WithTheDatabaseUp_ReportsPostgisAndTheMigrationLevel()
    {
        await using var db = await TestPostgis.CreateEmptyDatabaseAsync();
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.StartsWith("3.", health.GetProperty("postgis").GetString());
        Assert.Equal(Migration.Embedded()[^1].Version, health.GetProperty("migrationLevel").GetInt32());
        Assert.False(health.GetProperty("managedDatabase").GetBoolean());
    }

    [Fact]
    public async Task Health_WhenTheDatabaseGoesAway_Answers503WithAProblem()
    {
        var root = TestPostgis.ScratchDirectory("health-down");
        var pg = await ManagedPostgres.StartAsync(root, "riskmap", 0, TimeSpan.FromSeconds(60), NullLogger.Instance);
        await using var factory = new RiskMapFactory(pg.ConnectionString() + ";Timeout=3");
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        await pg.DisposeAsync();
        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Database unreachable", problem.GetProperty("title").GetString());
    }
}
