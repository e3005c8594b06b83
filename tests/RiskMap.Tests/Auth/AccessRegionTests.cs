using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;
using static RiskMap.Tests.Auth.AccessWorld;

namespace RiskMap.Tests.Auth;

/// <summary>Role × area on region queries and saved regions: planners within their area only.</summary>
public sealed class AccessRegionTests
{
    private const string InZhaojue = """{"type": "Polygon", "coordinates": [[[102.61, 28.01], [102.69, 28.01], [102.69, 28.09], [102.61, 28.09], [102.61, 28.01]]]}""";
    private const string AcrossBoth = """{"type": "Polygon", "coordinates": [[[102.41, 28.01], [102.69, 28.01], [102.69, 28.09], [102.41, 28.09], [102.41, 28.01]]]}""";

    [Fact]
    public async Task ACountyPlanner_QueriesRegionsWithinTheCounty_AndOnlyThose()
    {
        await using var world = await StartAsync();
        using var planner = await world.ClientAsync(Role.Planner, "513431");

        var inside = await planner.PostAsync("/api/regions/query", Json(InZhaojue));
        var across = await planner.PostAsync("/api/regions/query", Json(AcrossBoth));
        var xide = await planner.PostAsync("/api/regions/query", Json("""{"unitCode": "513432"}"""));

        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        var report = (await inside.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(20, (int)report["figures"]!["households"]!);
        Assert.All(report["units"]!.AsArray(), u => Assert.StartsWith("513431", (string)u!["code"]!));
        await AccessApiTests.AssertProblemAsync(across, HttpStatusCode.BadRequest, "across");
        Assert.Equal("Region outside your area", (string?)(await across.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
        await AccessApiTests.AssertProblemAsync(xide, HttpStatusCode.NotFound, "xide unit");
        var visits = await planner.PostAsync("/api/regions/households.csv", Json(InZhaojue));
        Assert.Equal(HttpStatusCode.OK, visits.StatusCode);
        Assert.Equal(1L, await world.Db.ScalarAsync<long>("SELECT count(*) FROM export_audit WHERE what = 'region-households.csv' AND row_count = 12"));
    }

    [Fact]
    public async Task ASavedRegion_IsSeenFromTheAreaItWasSavedIn_AndUnknownElsewhere()
    {
        await using var world = await StartAsync();
        using var zhaojue = await world.ClientAsync(Role.Planner, "513431");
        using var xide = await world.ClientAsync(Role.Planner, "513432");

        var created = await zhaojue.PostAsync("/api/regions", Json($$"""{"name": "南坪片区", "geometry": {{InZhaojue}}}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (long)(await created.Content.ReadFromJsonAsync<JsonObject>())!["regionId"]!;

        Assert.Single((await zhaojue.GetFromJsonAsync<JsonArray>("/api/regions"))!);
        Assert.Empty((await xide.GetFromJsonAsync<JsonArray>("/api/regions"))!);
        foreach (var path in new[] { $"/api/regions/{id}", $"/api/regions/{id}/figures", $"/api/regions/{id}/households" })
            await AccessApiTests.AssertProblemAsync(await xide.GetAsync(path), HttpStatusCode.NotFound, path);
        await AccessApiTests.AssertProblemAsync(await xide.DeleteAsync($"/api/regions/{id}"), HttpStatusCode.NotFound, "delete");
        Assert.Equal(1L, await world.Db.ScalarAsync<long>("SELECT count(*) FROM watch_region"));
    }

    [Fact]
    public async Task Leaders_AndDataOfficers_DoNotQueryRegions()
    {
        await using var world = await StartAsync();
        foreach (var role in new[] { Role.Leader, Role.DataOfficer })
        {
            using var client = await world.ClientAsync(role, "513431");
            await AccessApiTests.AssertProblemAsync(await client.PostAsync("/api/regions/query", Json(InZhaojue)), HttpStatusCode.Forbidden, role.Key());
            await AccessApiTests.AssertProblemAsync(await client.GetAsync("/api/regions"), HttpStatusCode.Forbidden, role.Key());
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
