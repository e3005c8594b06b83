using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Server.Auth;
using RiskMap.Server.Tiles;
using RiskMap.Tests.Infrastructure;
using static RiskMap.Tests.Tiles.TileWorld;

namespace RiskMap.Tests.Tiles;

public sealed class TileWarmerTests
{
    private static readonly Dictionary<string, string?> Warming = new()
    {
        ["Tiles:WarmMaxZoom"] = "10",
        ["Tiles:WarmAfterChange"] = "00:00:00",
    };

    [Fact]
    public async Task AnAccountThatExistedAtStart_GetsItsFirstLowZoomTilesFromMemory()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        await world.SetStatsAsync(Zhaojue, 400, 40, 40, 20, "yellow");
        var leader = await world.Factory.IssueTokenAsync(Role.Leader, Zhaojue.ToString());

        // A second server starting on the same database warms for the accounts it finds.
        await using var server = new RiskMapFactory(world.Db.ConnectionString, Warming);
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", leader);
        await server.Services.GetRequiredService<TileWarmer>().WhenIdleAsync(new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);

        foreach (var (layer, z) in new[] { ("counties", 5), ("counties", 8), ("townships", 9), ("townships", 10), ("villages", 10) })
        {
            var (x, y) = TileAt(102.05, 27.55, z);
            using var response = await client.GetAsync($"/tiles/{layer}/{z}/{x}/{y}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{layer} {z}: {response.StatusCode}");
            Assert.Equal(["hit"], response.Headers.GetValues(TileResponder.CacheHeader));
        }
        // Warming stops at its zoom: deeper tiles are made when asked for.
        var (x11, y11) = TileAt(102.05, 27.55, 11);
        using var deeper = await client.GetAsync($"/tiles/villages/11/{x11}/{y11}");
        Assert.Equal(["miss"], deeper.Headers.GetValues(TileResponder.CacheHeader));
    }

    [Fact]
    public async Task AnAudienceFirstSeenAfterStart_HasItsOtherLowZoomTilesWarmedFromItsFirstRequest()
    {
        await using var world = await CreateAsync(Warming);
        await world.AddLiangshanAsync();
        await world.SetStatsAsync(VillageA, 40, 5, 20, 10, "red");

        var (x5, y5) = TileAt(102.05, 27.55, 5);
        using var first = await world.GetAsync("counties", 5, x5, y5);
        Assert.Equal(["miss"], first.Headers.GetValues(TileResponder.CacheHeader));
        await world.Factory.Services.GetRequiredService<TileWarmer>().WhenIdleAsync(new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);

        var (x, y) = TileAt(102.05, 27.55, 10);
        using var village = await world.GetAsync("villages", 10, x, y);
        Assert.Equal(["hit"], village.Headers.GetValues(TileResponder.CacheHeader));
        var shown = Assert.Single(Mvt.Decode(await BodyAsync(village))[0].Features, f => f.Id == (ulong)VillageA);
        Assert.Equal("red", shown.Properties["zone"]);
        // Far away in 喜德县, every warm zoom too.
        var (fx, fy) = TileAt(104.55, 28.55, 9);
        using var far = await world.GetAsync("townships", 9, fx, fy);
        Assert.Equal(["hit"], far.Headers.GetValues(TileResponder.CacheHeader));
        // Past the edge of the data (the prefecture ends at 105.5° E), as far as a screen centred inside it reaches.
        var (ex, ey) = TileAt(105.49, 28, 10);
        using var beyond = await world.GetAsync("counties", 10, ex + TileWarmer.Margin, ey);
        Assert.Equal(HttpStatusCode.NoContent, beyond.StatusCode);
        Assert.Equal(["hit"], beyond.Headers.GetValues(TileResponder.CacheHeader));
        using var further = await world.GetAsync("counties", 10, ex + TileWarmer.Margin + 1, ey);
        Assert.Equal(["miss"], further.Headers.GetValues(TileResponder.CacheHeader));
    }

    [Fact]
    public async Task AfterAChange_TheTilesAViewerHadAreMadeAgainBeforeTheyAreAskedFor_OnesNobodyViewedAreNot()
    {
        await using var world = await CreateAsync(Warming);
        await world.AddLiangshanAsync();
        await world.SetStatsAsync(VillageA, 40, 5, 5, 5, "green");
        var warmer = world.Factory.Services.GetRequiredService<TileWarmer>();
        var (x, y) = TileAt(102.05, 27.55, 10);
        using var before = await world.GetAsync("villages", 10, x, y);
        await warmer.WhenIdleAsync(new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);

        await world.SetStatsAsync(VillageA, 40, 5, 20, 10, "red");
        var change = await world.Invalidator.InvalidateUnitsAsync([VillageA], CancellationToken.None);
        Assert.Contains(new TileKey("villages", 10, x, y), change.Tiles.Select(k => k with { Audience = null }));
        await warmer.WhenIdleAsync(new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);

        using var viewed = await world.GetAsync("villages", 10, x, y);
        Assert.Equal(["hit"], viewed.Headers.GetValues(TileResponder.CacheHeader));
        Assert.NotEqual(before.Headers.ETag, viewed.Headers.ETag);
        var shown = Assert.Single(Mvt.Decode(await BodyAsync(viewed))[0].Features, f => f.Id == (ulong)VillageA);
        Assert.Equal("red", shown.Properties["zone"]);
        // The labels tile over the village was warmed at first, evicted by the change, and never viewed.
        using var unviewed = await world.GetAsync("labels", 10, x, y);
        Assert.Equal(["miss"], unviewed.Headers.GetValues(TileResponder.CacheHeader));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(14)]
    public void Covering_ABox_GivesTheTilesOfItsCorners(int z)
    {
        var box = new GeoBox(101.9, 26.8, 103.4, 28.9);
        var (x0, x1, y0, y1) = TileKey.Covering(box, z);
        Assert.Equal(TileAt(box.West, box.North, z), (x0, y0));
        Assert.Equal(TileAt(box.East, box.South, z), (x1, y1));
        // The corner tiles meet the box; the next column east and row south lie beyond it.
        Assert.True(new TileKey("counties", z, x0, y0).Bounds().Intersects(box));
        Assert.True(new TileKey("counties", z, x1, y1).Bounds().Intersects(box));
        Assert.True(new TileKey("counties", z, x1 + 1, y1).Bounds().West > box.East);
        Assert.True(new TileKey("counties", z, x1, y1 + 1).Bounds().North < box.South);
    }
}
