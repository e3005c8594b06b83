using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RiskMap.Tests.Tiles.TileWorld;

namespace RiskMap.Tests.Tiles;

public sealed class TileEndpointTests
{
    [Fact]
    public async Task GetTile_Villages_FeaturesAndAttributesEqualTheDatabase()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        await world.SetStatsAsync(VillageA, households: 40, level1: 5, level2: 12, level3: 10, zone: "red", gapMonitor: 3, gapUnassisted: 2, gapExit: 1);
        var (x, y) = TileAt(102.1, 27.55, 10);

        var layer = await world.LayerAsync("villages", 10, x, y);

        Assert.Equal("villages", layer.Name);
        Assert.Equal(4096, layer.Extent);
        Assert.Equal([(ulong)VillageA, (ulong)VillageB], layer.Features.Select(f => f.Id!.Value).Order());
        var a = layer.Features.Single(f => f.Id == VillageA);
        Assert.Equal(3, a.Type);
        Assert.Equal("513431100001", a.Properties["code"]);
        Assert.Equal("甲村", a.Properties["name"]);
        Assert.Equal("red", a.Properties["zone"]);
        Assert.Equal(true, a.Properties["scale_return"]);
        Assert.Equal(40L, a.Properties["households"]);
        Assert.Equal(5L, a.Properties["level1"]);
        Assert.Equal(12L, a.Properties["level2"]);
        Assert.Equal(10L, a.Properties["level3"]);
        Assert.Equal(22.0 / 40, (double)a.Properties["share2"], 5);
        Assert.Equal(3L, a.Properties["gap_should_monitor"]);
        Assert.Equal(2L, a.Properties["gap_unassisted"]);
        Assert.Equal(1L, a.Properties["gap_should_exit"]);
        Assert.False(a.Properties.ContainsKey("key_county"));
        // No figures yet: green and zero, never missing.
        var b = layer.Features.Single(f => f.Id == VillageB);
        Assert.Equal("green", b.Properties["zone"]);
        Assert.Equal(0L, b.Properties["households"]);
        Assert.Equal(0.0, (double)b.Properties["share2"]);
    }

    [Fact]
    public async Task GetTile_HoldsNoMoreFeaturesThanTheCap_KeepingTheLargestUnits()
    {
        await using var world = await TileWorld.CreateAsync(new Dictionary<string, string?> { ["Tiles:MaxFeaturesPerTile"] = "1" });
        await world.AddLiangshanAsync();
        var (x, y) = TileAt(102.1, 27.55, 10);
        var largest = await world.Db.ScalarAsync<long>(
            "SELECT code FROM admin_unit WHERE code IN ($1, $2) ORDER BY area_km2 DESC NULLS LAST, code LIMIT 1", VillageA, VillageB);

        var layer = await world.LayerAsync("villages", 10, x, y);

        // both villages lie in this tile (GetTile_Villages_FeaturesAndAttributesEqualTheDatabase); the cap keeps one, the larger
        Assert.Equal([(ulong)largest], layer.Features.Select(f => f.Id!.Value));
    }

    [Fact]
    public async Task GetTile_Counties_CarryTheKeyCountyFlagAndCodeAsId()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        var (x, y) = TileAt(103.5, 28.2, 6);

        var layer = await world.LayerAsync("counties", 6, x, y);

        var zhaojue = layer.Features.Single(f => f.Id == Zhaojue);
        Assert.Equal(true, zhaojue.Properties["key_county"]);
        Assert.Equal("513431000000", zhaojue.Properties["code"]);
        Assert.Equal(false, layer.Features.Single(f => f.Id == Xide).Properties["key_county"]);
        Assert.Equal(2, layer.Features.Count);
    }

    [Fact]
    public async Task GetTile_RegeneratedWithoutChange_KeepsIdsBytesAndETag()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        await world.SetStatsAsync(VillageA, 10, 1, 2, 3, "yellow");
        var (x, y) = TileAt(102.1, 27.55, 12);
        using var first = await world.GetAsync("villages", 12, x, y);
        var firstBytes = await BodyAsync(first);

        world.Invalidator.InvalidateAll();
        using var second = await world.GetAsync("villages", 12, x, y);

        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(firstBytes, await BodyAsync(second));
        Assert.Equal(Mvt.Decode(firstBytes)[0].Features.Select(f => f.Id), Mvt.Decode(await BodyAsync(second))[0].Features.Select(f => f.Id));
    }

    [Fact]
    public async Task GetTile_MatchingETag_Returns304()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        var (x, y) = TileAt(102.1, 27.55, 10);
        using var first = await world.GetAsync("villages", 10, x, y);
        var etag = first.Headers.ETag!.ToString();

        using var again = await world.GetAsync("villages", 10, x, y, ifNoneMatch: etag);
        using var weakened = await world.GetAsync("villages", 10, x, y, ifNoneMatch: "W/" + etag);
        using var other = await world.GetAsync("villages", 10, x, y, ifNoneMatch: "\"something-else\"");

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, weakened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.False(first.Headers.ETag.IsWeak);
        Assert.True(first.Headers.CacheControl!.NoCache);
        // A tile is made for its caller's audience: no shared cache may hand it to someone else.
        Assert.True(first.Headers.CacheControl.Private);
        Assert.False(first.Headers.CacheControl.Public);
        Assert.Contains("Accept-Encoding", first.Headers.Vary);
    }

    [Fact]
    public async Task GetTile_RequestedAgain_IsAnsweredFromTheCacheAndSaysHit()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        var (x, y) = TileAt(102.1, 27.55, 10);

        using var first = await world.GetAsync("villages", 10, x, y);
        using var again = await world.GetAsync("villages", 10, x, y);
        using var revalidated = await world.GetAsync("villages", 10, x, y, ifNoneMatch: first.Headers.ETag!.ToString());
        world.Invalidator.InvalidateAll();
        using var afterChange = await world.GetAsync("villages", 10, x, y);

        Assert.Equal(["miss"], first.Headers.GetValues("X-Cache"));
        Assert.Equal(["hit"], again.Headers.GetValues("X-Cache"));
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal(["gzip"], again.Content.Headers.ContentEncoding);
        Assert.Equal("application/vnd.mapbox-vector-tile", again.Content.Headers.ContentType?.MediaType);
        Assert.True(again.Headers.CacheControl!.Private);
        Assert.True(again.Headers.CacheControl.NoCache);
        Assert.Contains("Accept-Encoding", again.Headers.Vary);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(["hit"], revalidated.Headers.GetValues("X-Cache"));
        Assert.Equal(["miss"], afterChange.Headers.GetValues("X-Cache"));
    }

    [Fact]
    public async Task GetTile_WhereThereIsNoData_Returns204()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        var (x, y) = TileAt(-70, 40, 10);

        using var response = await world.GetAsync("villages", 10, x, y);
        using var cached = await world.GetAsync("villages", 10, x, y);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NoContent, cached.StatusCode);
        Assert.Equal(["hit"], cached.Headers.GetValues("X-Cache"));
        Assert.True(cached.Headers.CacheControl!.Private);
    }

    [Theory]
    [InlineData("villages/10/1024/0")]
    [InlineData("villages/10/0/-1")]
    [InlineData("villages/25/0/0")]
    [InlineData("villages/ten/1/1")]
    [InlineData("villages/4/1/1")]
    [InlineData("counties/13/0/0")]
    public async Task GetTile_CoordinatesOutOfRange_Returns400Problem(string path)
    {
        await using var world = await CreateAsync();

        using var response = await world.Client.GetAsync("/tiles/" + path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("/tiles/rivers/10/1/1")]
    [InlineData("/tiles/rivers.json")]
    public async Task GetTile_UnknownLayer_Returns404Problem(string path)
    {
        await using var world = await CreateAsync();

        using var response = await world.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unknown tile layer", problem.GetProperty("title").GetString());
        Assert.Contains("villages", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetTile_GzipAcceptedOrNot_ServesTheSameTileEncodedOrPlain()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        var (x, y) = TileAt(102.1, 27.55, 10);

        using var gzipped = await world.GetAsync("villages", 10, x, y, gzip: true);
        using var plain = await world.GetAsync("villages", 10, x, y, gzip: false);

        Assert.Equal(["gzip"], gzipped.Content.Headers.ContentEncoding);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal("application/vnd.mapbox-vector-tile", gzipped.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/vnd.mapbox-vector-tile", plain.Content.Headers.ContentType?.MediaType);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync();
        Assert.Equal(plainBytes, await BodyAsync(gzipped));
        Assert.True((await gzipped.Content.ReadAsByteArrayAsync()).Length < plainBytes.Length);
        Assert.NotEqual(gzipped.Headers.ETag, plain.Headers.ETag);
    }

    [Fact]
    public async Task GetTileJson_DescribesTilesZoomsBoundsAndFields()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();

        var json = await world.Client.GetFromJsonAsync<JsonElement>("/tiles/villages.json");

        Assert.Equal("3.0.0", json.GetProperty("tilejson").GetString());
        Assert.Equal("http://localhost/tiles/villages/{z}/{x}/{y}", json.GetProperty("tiles")[0].GetString());
        Assert.Equal(10, json.GetProperty("minzoom").GetInt32());
        Assert.Equal(14, json.GetProperty("maxzoom").GetInt32());
        Assert.Equal([101.0, 26.5, 105.5, 29.5], json.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()));
        var fields = json.GetProperty("vector_layers")[0].GetProperty("fields");
        Assert.Contains("share2", fields.EnumerateObject().Select(p => p.Name));
        Assert.Equal("villages", json.GetProperty("vector_layers")[0].GetProperty("id").GetString());
    }
}

public sealed class TileOptionsTests
{
    [Theory]
    [InlineData("HeatCellSize", "100")]
    [InlineData("MaxFeaturesPerTile", "0")]
    [InlineData("WarmMaxZoom", "13")]
    public async Task Start_WithAnInvalidTileOption_StopsNamingTheKey(string key, string value)
    {
        await using var db = await Infrastructure.TestPostgis.CreateDatabaseAsync();
        await using var server = Infrastructure.ServerProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__RiskMap"] = db.ConnectionString,
            ["Tiles__" + key] = value,
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => server.WaitHealthyAsync(TimeSpan.FromSeconds(60)));

        // The process has exited; its redirected output may still be draining.
        Assert.True(SpinWait.SpinUntil(() => server.Output.Contains("riskmap: cannot start"), TimeSpan.FromSeconds(10)), server.Output);
        Assert.Contains($"'{key}'", server.Output);
    }
}
