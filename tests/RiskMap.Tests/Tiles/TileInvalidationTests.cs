using System.Net;
using RiskMap.Server.Tiles;
using static RiskMap.Tests.Tiles.TileWorld;

namespace RiskMap.Tests.Tiles;

public sealed class TileInvalidationTests
{
    private sealed record Seen(string Layer, int Z, int X, int Y, HttpStatusCode Status, string? ETag, byte[] Bytes)
    {
        public bool Shows(long code) =>
            Status == HttpStatusCode.OK && Mvt.Decode(Bytes)[0].Features.Any(f => f.Id == (ulong)code);
    }

    [Fact]
    public async Task InvalidateUnits_OneVillageChanged_ExactlyTheTilesShowingItChangeETag()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        await world.SetStatsAsync(VillageA, 40, 5, 5, 5, "green");
        await world.SetStatsAsync(VillageB, 30, 1, 1, 1, "green");
        // Every villages and labels tile around both villages at z10–z14, plus one in far-away 喜德县.
        var tiles = new List<(string Layer, int Z, int X, int Y)>();
        foreach (var layer in new[] { "villages", "labels" })
            for (var z = 10; z <= 14; z++)
            {
                var (x0, y0) = TileAt(101.98, 27.62, z);
                var (x1, y1) = TileAt(102.22, 27.48, z);
                for (var x = x0; x <= x1; x++)
                    for (var y = y0; y <= y1; y++)
                        tiles.Add((layer, z, x, y));
            }
        var far = TileAt(104.55, 28.55, 12);
        tiles.Add(("villages", 12, far.X, far.Y));
        var before = await FetchAllAsync(world, tiles);

        await world.SetStatsAsync(VillageA, 40, 5, 20, 10, "red");
        var change = await world.Invalidator.InvalidateUnitsAsync([VillageA], CancellationToken.None);
        var after = await FetchAllAsync(world, tiles);

        var changed = before.Zip(after).Where(p => p.First.ETag != p.Second.ETag).Select(p => p.Second).ToList();
        var showingA = after.Where(t => t.Shows(VillageA)).ToList();
        Assert.NotEmpty(showingA);
        Assert.Equal(showingA.Select(Key).Order(), changed.Select(Key).Order());
        // Every tile that changed was reported to the live-update feed, and the far tile was not touched.
        Assert.Subset(change.Tiles.Select(k => k.ToString()).ToHashSet(), changed.Select(Key).ToHashSet());
        Assert.DoesNotContain(change.Tiles, k => k.X == far.X && k.Y == far.Y);
        Assert.Equal(before[^1].ETag, after[^1].ETag);
        Assert.Equal(before[^1].Bytes, after[^1].Bytes);
        Assert.True(world.Invalidator.Changes.TryRead(out var published));
        Assert.Equal(change.Tiles, published.Tiles);
    }

    [Fact]
    public async Task A_household_write_changes_the_ETag_of_exactly_the_village_tiles_showing_its_village_and_no_other()
    {
        // The whole path: the writer's transaction, the change log and NOTIFY, the server's relay evicting tiles.
        await using var world = await CreateAsync(new Dictionary<string, string?> { ["Live:Tick"] = "00:00:00.050" });
        await world.AddLiangshanAsync();
        await using var services = await RiskMap.Tests.Infrastructure.TestServices.CreateAsync(world.Db, TimeProvider.System);
        RiskMap.Geodata.Domain.Household InA(int i, int income) =>
            RiskMap.Tests.Infrastructure.TestUnits.Household($"A-{i}", VillageA, income, h => h with { Lon = 102.05, Lat = 27.55 });
        await services.WriteAsync(Enumerable.Range(0, 20).Select(i => InA(i, 40000)).ToArray());
        await world.Invalidator.Changes.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        while (world.Invalidator.Changes.TryRead(out _)) { }
        var tiles = new List<(string Layer, int Z, int X, int Y)>();
        for (var z = 10; z <= 14; z++)
        {
            var (x0, y0) = TileAt(101.98, 27.62, z);
            var (x1, y1) = TileAt(102.22, 27.48, z);
            for (var x = x0; x <= x1; x++)
                for (var y = y0; y <= y1; y++)
                    tiles.Add(("villages", z, x, y));
        }
        var far = TileAt(104.55, 28.55, 12);
        tiles.Add(("villages", 12, far.X, far.Y));
        var before = await FetchAllAsync(world, tiles);

        // a flood: 12 of the 20 households fall below the line
        await services.WriteAsync(Enumerable.Range(0, 20).Select(i => InA(i, i < 12 ? 3000 : 40000)).ToArray());
        await world.Invalidator.Changes.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        var after = await FetchAllAsync(world, tiles);

        var changed = after.Where((t, i) => t.ETag != before[i].ETag).Select(Key).Order().ToList();
        var showingA = after.Where(t => t.Shows(VillageA)).Select(Key).Order().ToList();
        Assert.NotEmpty(showingA);
        Assert.Equal(showingA, changed);
        Assert.Equal(before[^1].ETag, after[^1].ETag);
        Assert.Equal(before[^1].Bytes, after[^1].Bytes);
    }

    [Fact]
    public async Task InvalidateUnits_HouseholdsOfAVillageChanged_HeatTilesOverItAreRegenerated()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        var (x, y) = TileAt(102.05, 27.55, 15);
        var far = TileAt(104.55, 28.55, 15);
        await world.AddHouseholdAsync("h-far", XideVillage, 104.55, 28.55, 0.4f, 1);
        using var empty = await world.GetAsync("risk-heat", 15, x, y);
        using var farBefore = await world.GetAsync("risk-heat", 15, far.X, far.Y);

        await world.AddHouseholdAsync("h-1", VillageA, 102.05, 27.55, 0.9f, 3);
        var change = await world.Invalidator.InvalidateUnitsAsync([VillageA], CancellationToken.None);
        using var filled = await world.GetAsync("risk-heat", 15, x, y);

        Assert.Equal(HttpStatusCode.NoContent, empty.StatusCode);
        Assert.Equal(HttpStatusCode.OK, filled.StatusCode);
        Assert.Contains("risk-heat/15/" + x + "/" + y, Shown(change));
        Assert.DoesNotContain("risk-heat/15/" + far.X + "/" + far.Y, Shown(change));
    }

    [Fact]
    public async Task InvalidateHouseholdPositions_RelocatedHouseholdOutsideItsVillage_RegeneratesTheHeatTileAtItsSite()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        // Belongs to 甲村 but lives at a site inside 乙村's area (102.15° E), beyond 甲村's box.
        var (x, y) = TileAt(102.15, 27.55, 15);
        using var before = await world.GetAsync("risk-heat", 15, x, y);
        await world.AddHouseholdAsync("relocated", VillageA, 102.15, 27.55, 0.7f, 2);

        var byVillage = await world.Invalidator.InvalidateUnitsAsync([VillageA], CancellationToken.None);
        var byPosition = world.Invalidator.InvalidateHouseholdPositions([(102.15, 27.55)]);
        using var after = await world.GetAsync("risk-heat", 15, x, y);

        Assert.Equal(HttpStatusCode.NoContent, before.StatusCode);
        Assert.DoesNotContain("risk-heat/15/" + x + "/" + y, Shown(byVillage));
        Assert.Equal(["risk-heat/15/" + x + "/" + y], Shown(byPosition));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task InvalidateSites_SiteFiguresChanged_ItsTileShowsTheNewFigures()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        await world.AddSiteAsync(7, "幸福家园", VillageA, 102.05, 27.55, households: 300, labour: 400, employed: 300);
        await world.SetStatsAsync(7, 300, 10, 30, 0, "green", kind: "site");
        var (x, y) = TileAt(102.05, 27.55, 10);
        var before = await world.LayerAsync("sites", 10, x, y);

        await world.SetStatsAsync(7, 300, 10, 100, 80, "red", kind: "site");
        await world.Invalidator.InvalidateSitesAsync([7], CancellationToken.None);
        var after = await world.LayerAsync("sites", 10, x, y);

        Assert.Equal(30.0 / 300, (double)before.Features.Single().Properties["share2"], 5);
        var site = after.Features.Single();
        Assert.Equal(7UL, site.Id);
        Assert.Equal("幸福家园", site.Properties["name"]);
        Assert.Equal(300L, site.Properties["households"]);
        Assert.Equal(180.0 / 300, (double)site.Properties["share2"], 5);
        Assert.Equal(0.75, (double)site.Properties["employed_share"], 5);
        Assert.Equal("red", site.Properties["zone"]);
    }

    private static string Key(Seen t) => $"{t.Layer}/{t.Z}/{t.X}/{t.Y}";

    /// <summary>The evicted tiles as layer/z/x/y, whoever they were made for.</summary>
    private static List<string> Shown(TilesInvalidated change) => change.Tiles.Select(t => t.ToString()).Distinct().ToList();

    private static async Task<List<Seen>> FetchAllAsync(TileWorld world, List<(string Layer, int Z, int X, int Y)> tiles)
    {
        var seen = new List<Seen>();
        foreach (var (layer, z, x, y) in tiles)
        {
            using var response = await world.GetAsync(layer, z, x, y);
            seen.Add(new Seen(layer, z, x, y, response.StatusCode, response.Headers.ETag?.Tag, await BodyAsync(response)));
        }
        return seen;
    }
}
