using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Server.Regions;
using RiskMap.Tests.Infrastructure;
using static RiskMap.Tests.Regions.RegionRequests;

namespace RiskMap.Tests.Regions;

public sealed class RegionEndpointTests
{
    [Fact]
    public async Task DrawnRegion_GivesItsFiguresZoneTheUnitsItTouchesAndTheSitesInside()
    {
        await using var api = await StartAsync();
        var client = api.Client;

        var answer = await PostAsync(client, "/api/regions/query", OverA1AndEdges);

        var figures = answer.GetProperty("figures");
        Assert.Equal(4, figures.GetProperty("households").GetInt32()); // A1's three and A2's west one
        Assert.Equal(2, figures.GetProperty("level2").GetInt32() + figures.GetProperty("level3").GetInt32());
        Assert.Equal(0.5, figures.GetProperty("shareAtLeastTwo").GetDouble());
        Assert.Equal(1, figures.GetProperty("riskTypes").GetProperty("illness").GetInt32());
        Assert.Equal(3500, figures.GetProperty("incomeMedian").GetInt32()); // 3000, 3500, 20000, 40000: the 2nd
        Assert.Equal("yellow", answer.GetProperty("zone").GetString()); // 1/2 > 1/3, but 4 households are fewer than the 10 scale needs
        Assert.Equal("drawn", answer.GetProperty("region").GetProperty("kind").GetString());
        var units = answer.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("code").GetString()!, u => u.GetProperty("coverage").GetString());
        Assert.Equal("whole", units["513431100001"]);
        Assert.Equal("partial", units["513431100002"]);
        Assert.Equal("partial", units["513431101001"]);
        Assert.Equal("partial", units["513431101002"]);
        Assert.Equal("partial", units["513431100000"]);
        var a2 = answer.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "513431100002");
        Assert.Equal(2, a2.GetProperty("households").GetInt32()); // the unit's own figures, not the region's share of it
        Assert.Equal([9001L], answer.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("siteId").GetInt64()));
        var method = answer.GetProperty("method");
        Assert.Equal(1, method.GetProperty("villagesWhole").GetInt32());
        Assert.Equal(3, method.GetProperty("villagesCrossing").GetInt32());
    }

    [Fact]
    public async Task UnitCodeQuery_CountsTheHouseholdsInsideTheUnitsOutline()
    {
        await using var api = await StartAsync();
        var client = api.Client;

        var answer = await PostAsync(client, "/api/regions/query", """{"unitCode": "513431100"}""");

        Assert.Equal(5, answer.GetProperty("figures").GetProperty("households").GetInt32());
        Assert.Equal("新城镇", answer.GetProperty("region").GetProperty("name").GetString());
        Assert.Equal("513431100000", answer.GetProperty("region").GetProperty("unitCode").GetString());
    }

    [Fact]
    public async Task VisitList_GivesHouseholdsWorstFirstWithTheirReasons_PageByPage()
    {
        await using var api = await StartAsync();
        var client = api.Client;

        var first = await PostAsync(client, "/api/regions/households?limit=1", OverA1AndEdges);
        var second = await PostAsync(client, "/api/regions/households?limit=1&offset=1", OverA1AndEdges);
        var past = await PostAsync(client, "/api/regions/households?limit=1&offset=5", OverA1AndEdges);

        Assert.Equal(2, first.GetProperty("total").GetInt32()); // A2-middle is at risk but outside
        var worst = first.GetProperty("households")[0];
        var next = second.GetProperty("households")[0];
        Assert.Equal(["A1-1", "A1-2"], new[] { worst, next }.Select(h => h.GetProperty("householdId").GetString()).Order());
        Assert.True(worst.GetProperty("level").GetInt32() > next.GetProperty("level").GetInt32()
                    || (worst.GetProperty("level").GetInt32() == next.GetProperty("level").GetInt32() && worst.GetProperty("score").GetDouble() >= next.GetProperty("score").GetDouble()));
        Assert.Contains(worst.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("key").GetString()!.StartsWith("income_below"));
        Assert.Equal("南坪村", worst.GetProperty("villageName").GetString());
        Assert.Empty(past.GetProperty("households").EnumerateArray());
        Assert.Equal(2, past.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task CsvExports_OpenInExcel_WithAByteOrderMarkAndChineseHeaders()
    {
        await using var api = await StartAsync();
        var client = api.Client;

        var figures = await client.PostAsync("/api/regions/query.csv", Json(OverA1AndEdges));
        var households = await client.PostAsync("/api/regions/households.csv", Json(OverA1AndEdges));

        foreach (var response in new[] { figures, households })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal([0xEF, 0xBB, 0xBF], (await response.Content.ReadAsByteArrayAsync())[..3]);
        }
        var figureLines = Lines(await figures.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("范围,代码,名称,覆盖,户数,监测户数,", figureLines[0]);
        Assert.StartsWith("绘制区域,,绘制区域,,4,", figureLines[1]);
        Assert.Contains(figureLines, l => l.StartsWith("村,513431100001,南坪村,全部,3,"));
        Assert.Contains(figureLines, l => l.StartsWith("安置点,9001,南坪安置点,"));
        var householdLines = Lines(await households.Content.ReadAsByteArrayAsync());
        Assert.Equal("户编号,村代码,村名称,预警等级,风险分,监测类别,监测状态,工作缺口,预警原因,上次入户走访,经度,纬度", householdLines[0]);
        Assert.Equal(3, householdLines.Length); // header and A1's two households at risk
        Assert.Contains("人均纯收入低于低保标准", householdLines[1]);
    }

    [Fact]
    public async Task GeoJsonExports_AreFeatureCollectionsWithTheRegionUnitsAndHouseholds()
    {
        await using var api = await StartAsync();
        var client = api.Client;

        var figures = await client.PostAsync("/api/regions/query.geojson", Json(OverA1AndEdges));
        var households = await client.PostAsync("/api/regions/households.geojson", Json(OverA1AndEdges));

        Assert.Equal("application/geo+json", figures.Content.Headers.ContentType!.MediaType);
        var figureFeatures = (await figures.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("features");
        Assert.Equal("MultiPolygon", figureFeatures[0].GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(4, figureFeatures[0].GetProperty("properties").GetProperty("户数").GetInt32());
        Assert.Contains(figureFeatures.EnumerateArray(), f => f.GetProperty("properties").GetProperty("名称").GetString() == "城北村"
            && f.GetProperty("geometry").GetProperty("type").GetString() == "MultiPolygon");
        var points = (await households.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("features");
        Assert.Equal(2, points.GetArrayLength());
        Assert.Equal([102.65, 28.05], points[0].GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => Math.Round(c.GetDouble(), 6)));
    }

    [Fact]
    public async Task VisitListsAndTheirExports_AndOnlyThey_AreBehindTheSeeHouseholdsPolicy()
    {
        await using var api = await StartAsync(withHouseholds: false);
        var endpoints = api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/regions")).ToList();

        var guarded = endpoints.Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == RegionPolicies.SeeHouseholds))
            .Select(e => e.RoutePattern.RawText!).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["/api/regions/households", "/api/regions/households.csv", "/api/regions/households.geojson",
            "/api/regions/{id:long}/households", "/api/regions/{id:long}/households.csv", "/api/regions/{id:long}/households.geojson"], guarded);
        Assert.True(endpoints.Count > guarded.Count);
    }

    private static string[] Lines(byte[] csv) => Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
}
