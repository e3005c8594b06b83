using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskMap.Tests.Infrastructure;
using static RiskMap.Tests.Regions.RegionRequests;

namespace RiskMap.Tests.Regions;

public sealed class RegionInputTests
{
    /// <summary>A bad request body, the problem title it must get, and a word the detail must contain.</summary>
    public static TheoryData<string, string, string, string> BadRegions => new()
    {
        { "invalid JSON", """{"type": "Polygon", "coordinates": [[[102.6, 28.0],""", "Invalid JSON", "not valid JSON" },
        { "empty body", "", "Invalid JSON", "no body" },
        { "a point", """{"type": "Point", "coordinates": [102.6, 28.0]}""", "Not a polygon", "Point" },
        { "a feature collection", """{"type": "FeatureCollection", "features": []}""", "Not a polygon", "FeatureCollection" },
        { "a ring of three positions", """{"type": "Polygon", "coordinates": [[[102.6, 28.0], [102.7, 28.0], [102.6, 28.0]]]}""", "Not a polygon", "at least 4" },
        { "a bow tie", """{"type": "Polygon", "coordinates": [[[102.6, 28.0], [102.7, 28.1], [102.7, 28.0], [102.6, 28.1], [102.6, 28.0]]]}""", "Self-intersecting polygon", "Self-intersection" },
        { "overlapping parts", $$"""{"type": "MultiPolygon", "coordinates": [{{Rings(102.6, 28.0, 102.7, 28.1)}}, {{Rings(102.65, 28.0, 102.75, 28.1)}}]}""", "Self-intersecting polygon", "Self-intersection" },
        { "longitude beyond 180", Box(102.6, 28.0, 200, 28.1), "Coordinates out of range", "EPSG:4326" },
        { "projected metres", Box(11_400_000, 3_240_000, 11_410_000, 3_250_000), "Coordinates out of range", "EPSG:4326" },
        { "latitude and longitude swapped", Box(28.0, 102.6, 28.1, 102.7), "Coordinates out of range", "EPSG:4326" },
        { "outside China", Box(2.3, 48.8, 2.4, 48.9), "Coordinates out of range", "outside China" },
        { "too many vertices", Circle(40), "Too many vertices", "at most 32" },
        { "larger than the province", Box(102.0, 27.5, 103.5, 28.7), "Region too large", "largest province" },
        { "an unknown crs", """{"type": "Polygon", "crs": {"type": "name", "properties": {"name": "EPSG:4547"}}, "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}""", "Unsupported CRS", "4547" },
        { "two regions at once", """{"regionId": 1, "unitCode": "513431"}""", "Invalid region request", "more than one" },
        { "no region", """{"name": "x"}""", "Invalid region request", "names no region" },
        { "a bad unit code", """{"unitCode": "5134311"}""", "Invalid unit code", "5134311" },
    };

    [Theory]
    [MemberData(nameof(BadRegions))]
    public async Task BadRegion_IsAnswered400WithAProblemNamingTheFault(string @case, string body, string title, string detail)
    {
        await using var api = await StartAsync(withHouseholds: false, new Dictionary<string, string?> { ["Regions:MaxVertices"] = "32" });
        var client = api.Client;

        var response = await client.PostAsync("/api/regions/query", Json(body));

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{@case}: {(int)response.StatusCode} {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RegionLargerThanTheConfiguredMaximum_IsRefused_WhenNoProvinceHasAnOutline()
    {
        await using var api = await StartAsync(withHouseholds: false, new Dictionary<string, string?> { ["Regions:MaxAreaKm2"] = "100" });
        await api.Db.ExecuteAsync("UPDATE admin_unit SET geom = NULL WHERE level = 1");

        var small = await api.Client.PostAsync("/api/regions/query", Json(Box(102.6, 28.0, 102.65, 28.05)));
        var large = await api.Client.PostAsync("/api/regions/query", Json(Box(102.6, 28.0, 102.8, 28.2)));

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        var problem = await large.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Region too large", problem.GetProperty("title").GetString());
        Assert.Contains("Regions:MaxAreaKm2", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UnknownSavedRegionOrUnit_IsAnswered404()
    {
        await using var api = await StartAsync(withHouseholds: false);
        var client = api.Client;

        var region = await client.PostAsync("/api/regions/query", Json("""{"regionId": 77}"""));
        var unit = await client.PostAsync("/api/regions/query", Json("""{"unitCode": "520000"}"""));

        Assert.Equal(HttpStatusCode.NotFound, region.StatusCode);
        Assert.Equal("Unknown region", (await region.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unit.StatusCode);
        Assert.Equal("Unknown unit", (await unit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task RejectedSavedRegion_StoresNothing()
    {
        await using var api = await StartAsync(withHouseholds: false);
        var (db, client) = (api.Db, api.Client);
        var bowTie = """{"type": "Polygon", "coordinates": [[[102.6, 28.0], [102.7, 28.1], [102.7, 28.0], [102.6, 28.1], [102.6, 28.0]]]}""";

        var invalid = await client.PostAsync("/api/regions", Json($$"""{"name": "河谷", "geometry": {{bowTie}}}"""));
        var badRule = await client.PostAsync("/api/regions", Json($$"""{"name": "河谷", "geometry": {{OverA1AndEdges}}, "rules": [{"metric": "shareThree", "raiseThreshold": 0.2, "clearThreshold": 0.2}]}"""));
        var noName = await client.PostAsync("/api/regions", Json($$"""{"geometry": {{OverA1AndEdges}}}"""));

        Assert.Equal("Self-intersecting polygon", (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal("Invalid alert rule", (await badRule.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal("Invalid name", (await noName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM watch_region"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM region_stats WHERE subject_kind = 'region'"));
    }

    private static string Rings(double x0, double y0, double x1, double y1) => JsonDocument.Parse(Box(x0, y0, x1, y1)).RootElement.GetProperty("coordinates").GetRawText();

    private static string Circle(int n)
    {
        var ring = Enumerable.Range(0, n).Select(i => (102.7 + 0.05 * Math.Cos(2 * Math.PI * i / n), 28.1 + 0.05 * Math.Sin(2 * Math.PI * i / n))).ToList();
        ring.Add(ring[0]);
        return $$"""{"type": "Polygon", "coordinates": [[{{string.Join(",", ring.Select(p => FormattableString.Invariant($"[{p.Item1},{p.Item2}]")))}}]]}""";
    }
}
