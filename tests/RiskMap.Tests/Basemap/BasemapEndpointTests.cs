using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Basemap;

public sealed class BasemapEndpointTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    [Fact]
    public async Task ADeploymentsTileFolder_IsServedAsTheBasemap_AndAMissingTileIsA404()
    {
        var folder = TestPostgis.ScratchDirectory("basemap");
        Directory.CreateDirectory(Path.Combine(folder, "8", "200"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "8", "200", "107.png"), Png);
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await using var factory = new RiskMapFactory(db.ConnectionString, new Dictionary<string, string?>
        {
            ["Basemap:Directory"] = folder, ["Basemap:MaxZoom"] = "12", ["Basemap:Attribution"] = "© 凉山州自然资源局",
        });
        using var leader = await factory.CreateClientAsync(Role.Leader);

        var tileJson = await leader.GetFromJsonAsync<JsonElement>("/basemap/tiles.json");
        var tile = await leader.GetAsync("/basemap/8/200/107");
        var missing = await leader.GetAsync("/basemap/8/200/108");
        var outOfRange = await leader.GetAsync("/basemap/8/256/107");
        var aboveMaxZoom = await leader.GetAsync("/basemap/13/0/0");

        Assert.EndsWith("/basemap/{z}/{x}/{y}", tileJson.GetProperty("tiles")[0].GetString());
        Assert.Equal((0, 12, "© 凉山州自然资源局"),
            (tileJson.GetProperty("minzoom").GetInt32(), tileJson.GetProperty("maxzoom").GetInt32(), tileJson.GetProperty("attribution").GetString()));
        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        Assert.Equal("image/png", tile.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await tile.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, aboveMaxZoom.StatusCode);
    }

    [Fact]
    public async Task WithoutABasemap_TheMapIsToldThereIsNone_AndNobodyWithoutATokenGetsTiles()
    {
        var folder = TestPostgis.ScratchDirectory("basemap-private");
        Directory.CreateDirectory(Path.Combine(folder, "0", "0"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "0", "0", "0.png"), Png);
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await using var none = new RiskMapFactory(db.ConnectionString);
        await using var configured = new RiskMapFactory(db.ConnectionString, new Dictionary<string, string?> { ["Basemap:Directory"] = folder });
        using var leader = await none.CreateClientAsync(Role.Leader);
        using var anonymous = configured.CreateClient();

        var tileJson = await leader.GetAsync("/basemap/tiles.json");
        var problem = await tileJson.Content.ReadFromJsonAsync<JsonElement>();
        var withoutToken = await anonymous.GetAsync("/basemap/0/0/0");

        Assert.Equal(HttpStatusCode.NotFound, tileJson.StatusCode);
        Assert.Equal("No basemap", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
    }
}
