using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;
using RiskMap.Tests.Live;
using RiskMap.Tests.Tiles;
using static RiskMap.Tests.Auth.AccessWorld;

namespace RiskMap.Tests.Auth;

/// <summary>Role × area on the tiles: features of the caller's area only, small counts and single households withheld from leaders.</summary>
public sealed class AccessTileTests
{
    [Fact]
    public async Task ATileAcrossTwoCounties_HoldsOnlyTheCallersCounty_AndATileOfTheOtherCountyIsEmpty()
    {
        await using var world = await StartAsync();
        using var leader = await world.ClientAsync(Role.Leader, "513431");
        using var admin = await world.ClientAsync(Role.Administrator, "all");
        // z10 around 102.6° E holds villages of both counties; z12 at 102.45° E only 喜德县's.
        var (x, y) = TileWorld.TileAt(102.6, 28.05, 10);
        var (xx, xy) = TileWorld.TileAt(102.45, 28.05, 12);

        var forLeader = await CodesAsync(leader, "villages", 10, x, y);
        var forAdmin = await CodesAsync(admin, "villages", 10, x, y);
        Assert.Contains(LiveTestData.OtherVillage, forAdmin);
        Assert.NotEmpty(forLeader);
        Assert.Equal(forAdmin.Where(code => code / 1_000_000 * 1_000_000 == Zhaojue).Order(), forLeader.Order());
        Assert.Equal(HttpStatusCode.NoContent, (await leader.GetAsync($"/tiles/villages/12/{xx}/{xy}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/tiles/villages/12/{xx}/{xy}")).StatusCode);
        // Labels: the county's own units, never the prefecture or the other county above or beside it.
        var (lx, ly) = TileWorld.TileAt(102.7, 28.1, 8);
        Assert.Contains(TestUnits.Prefecture, await CodesAsync(admin, "labels", 8, lx, ly));
        var labels = await CodesAsync(leader, "labels", 8, lx, ly);
        Assert.DoesNotContain(TestUnits.Prefecture, labels);
        Assert.DoesNotContain(Xide, labels);
        Assert.Contains(Zhaojue, labels);
    }

    [Fact]
    public async Task Leaders_GetNoSingleHouseholds_AndNoSmallCountsInTiles()
    {
        await using var world = await StartAsync();
        using var leader = await world.ClientAsync(Role.Leader, "513431");
        using var planner = await world.ClientAsync(Role.Planner, "513431");
        var (x, y) = TileWorld.TileAt(102.65, 28.15, 14);
        var (vx, vy) = TileWorld.TileAt(102.65, 28.15, 10);

        await AccessApiTests.AssertProblemAsync(await leader.GetAsync($"/tiles/risk-heat/14/{x}/{y}"), HttpStatusCode.Forbidden, "heat points");
        Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync($"/tiles/risk-heat/14/{x}/{y}")).StatusCode);
        var heat = await leader.GetFromJsonAsync<JsonElement>("/tiles/risk-heat.json");
        Assert.Equal(13, heat.GetProperty("maxzoom").GetInt32());
        Assert.Equal(16, (await planner.GetFromJsonAsync<JsonElement>("/tiles/risk-heat.json")).GetProperty("maxzoom").GetInt32());

        // 谷曲村 has three households, one at level II: its counts are left out of the leader's tile.
        var villageB1 = (ulong)TestUnits.VillageB1;
        var leaders = (await LayerAsync(leader, "villages", 10, vx, vy)).Features.Single(f => f.Id == villageB1).Properties;
        var planners = (await LayerAsync(planner, "villages", 10, vx, vy)).Features.Single(f => f.Id == villageB1).Properties;
        Assert.Equal(3L, planners["households"]);
        Assert.Equal(1L, planners["level2"]);
        Assert.False(leaders.ContainsKey("households"));
        Assert.False(leaders.ContainsKey("level2"));
        Assert.False(leaders.ContainsKey("share2"));
        Assert.Equal(0L, leaders["level3"]);
        Assert.Equal(planners["zone"], leaders["zone"]);
    }

    [Fact]
    public async Task TheSameTileForTwoAudiences_IsCachedApart()
    {
        await using var world = await StartAsync();
        using var xideLeader = await world.ClientAsync(Role.Leader, "513432");
        using var zhaojueLeader = await world.ClientAsync(Role.Leader, "513431");
        var (x, y) = TileWorld.TileAt(102.6, 28.05, 10);

        var first = await CodesAsync(xideLeader, "villages", 10, x, y);
        var second = await CodesAsync(zhaojueLeader, "villages", 10, x, y);

        Assert.Equal([LiveTestData.OtherVillage], first);
        Assert.DoesNotContain(LiveTestData.OtherVillage, second);
    }

    [Fact]
    public async Task ACachedTile_IsAnsweredOnlyToItsOwnAudience_AndNeverWithoutAToken()
    {
        await using var world = await StartAsync();
        using var xideLeader = await world.ClientAsync(Role.Leader, "513432");
        using var zhaojueLeader = await world.ClientAsync(Role.Leader, "513431");
        using var anonymous = world.Client(null);
        var (x, y) = TileWorld.TileAt(102.6, 28.05, 10);
        var path = $"/tiles/villages/10/{x}/{y}";

        using var xideFirst = await xideLeader.GetAsync(path);
        using var xideAgain = await xideLeader.GetAsync(path);
        using var zhaojueFirst = await zhaojueLeader.GetAsync(path);
        using var withoutToken = await anonymous.GetAsync(path);

        Assert.Equal(["hit"], xideAgain.Headers.GetValues("X-Cache"));
        Assert.Equal(await xideFirst.Content.ReadAsByteArrayAsync(), await xideAgain.Content.ReadAsByteArrayAsync());
        // Same layer and z/x/y, another area: not the cached tile of the other audience.
        Assert.Equal(["miss"], zhaojueFirst.Headers.GetValues("X-Cache"));
        Assert.NotEqual(xideFirst.Headers.ETag, zhaojueFirst.Headers.ETag);
        Assert.DoesNotContain(LiveTestData.OtherVillage, Mvt.Decode(await zhaojueFirst.Content.ReadAsByteArrayAsync()).Single().Features.Select(f => (long)f.Id!.Value));
        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        Assert.False(withoutToken.Headers.Contains("X-Cache"));
    }

    [Fact]
    public async Task CachedTiles_DrawOnTheCallersRateLimit_LikeEveryOtherRequest()
    {
        await using var world = await StartAsync(new Dictionary<string, string?> { ["RateLimits:PermitsPerSecond"] = "0.001", ["RateLimits:Burst"] = "5" });
        using var busy = await world.ClientAsync(Role.Leader, "513431");
        using var other = await world.ClientAsync(Role.Leader, "513431");
        var (x, y) = TileWorld.TileAt(102.6, 28.05, 10);
        var path = $"/tiles/villages/10/{x}/{y}";
        // Another account of the same audience puts the tile in the cache: every request of `busy` is a hit.
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(path)).StatusCode);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++) answers.Add(await busy.GetAsync(path));

        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Take(5), a => Assert.Equal(["hit"], a.Headers.GetValues("X-Cache")));
        await AccessApiTests.AssertProblemAsync(answers[5], HttpStatusCode.TooManyRequests, "a sixth cached tile within the burst");
        Assert.NotNull(answers[5].Headers.RetryAfter?.Delta);
        Assert.False(answers[5].Headers.Contains("X-Cache"));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(path)).StatusCode);
        foreach (var a in answers) a.Dispose();
    }

    [Fact]
    public async Task ACachedTile_IsRefusedOnceItsTokenIsRevoked()
    {
        await using var world = await StartAsync();
        using var admin = await world.ClientAsync(Role.Administrator, "all");
        await admin.PostAsJsonAsync("/api/admin/users", new { username = "zhaojue-wall", role = "leader", scope = "513431" });
        var issued = (await (await admin.PostAsJsonAsync("/api/admin/tokens", new { username = "zhaojue-wall", kind = "device", label = "昭觉县指挥中心" }))
            .Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!;
        using var wall = world.Client((string)issued["token"]!);
        var (x, y) = TileWorld.TileAt(102.6, 28.05, 10);
        var path = $"/tiles/villages/10/{x}/{y}";
        using var first = await wall.GetAsync(path);
        using var again = await wall.GetAsync(path);
        Assert.Equal(["hit"], again.Headers.GetValues("X-Cache"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/tokens/{(long)issued["tokenId"]!}")).StatusCode);
        using var revoked = await wall.GetAsync(path);

        await AccessApiTests.AssertProblemAsync(revoked, HttpStatusCode.Unauthorized, "a cached tile with a revoked token");
        Assert.Contains("revoked", await revoked.Content.ReadAsStringAsync());
        Assert.False(revoked.Headers.Contains("X-Cache"));
    }

    internal static async Task<List<long>> CodesAsync(HttpClient client, string layer, int z, int x, int y) =>
        (await LayerAsync(client, layer, z, x, y)).Features.Select(f => (long)f.Id!.Value).ToList();

    private static async Task<MvtLayer> LayerAsync(HttpClient client, string layer, int z, int x, int y)
    {
        using var response = await client.GetAsync($"/tiles/{layer}/{z}/{x}/{y}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Mvt.Decode(await response.Content.ReadAsByteArrayAsync()).Single();
    }
}
