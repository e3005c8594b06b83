using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Viewer;

public sealed class ViewerEndpointTests
{
    [Fact]
    public async Task Root_WithABuiltViewer_ServesItsIndexPage()
    {
        var dist = TestPostgis.ScratchDirectory("viewer-dist");
        Directory.CreateDirectory(dist);
        await File.WriteAllTextAsync(Path.Combine(dist, "index.html"), "<!doctype html><title>RiskMap test viewer</title>");
        await using var db = await TestPostgis.CreateEmptyDatabaseAsync();
        await using var factory = new RiskMapFactory(db.ConnectionString, new Dictionary<string, string?> { ["Viewer:Directory"] = dist });
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("RiskMap test viewer", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Root_WithoutABuiltViewer_Answers503SayingHowToBuildIt()
    {
        var dist = TestPostgis.ScratchDirectory("viewer-missing");
        await using var db = await TestPostgis.CreateEmptyDatabaseAsync();
        await using var factory = new RiskMapFactory(db.ConnectionString, new Dictionary<string, string?> { ["Viewer:Directory"] = dist });
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Viewer not built", problem.GetProperty("title").GetString());
        Assert.Contains("./riskmap demo", problem.GetProperty("detail").GetString());
    }
}
