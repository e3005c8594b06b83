using System.Net;
using RiskMap.Server.Auth;
using RiskMap.Tests.Live;
using RiskMap.Tests.Tiles;
using static RiskMap.Tests.Auth.AccessWorld;

namespace RiskMap.Tests.Auth;

/// <summary>
/// Every role with a county's area on each surface — tiles, the hub, the household export — sees that
/// county and nothing of the next (the other tests take each surface in depth for some roles).
/// </summary>
public sealed class AccessMatrixTests
{
    private static readonly Dictionary<string, string?> Fast = new() { ["Live:Tick"] = "00:00:00.050" };

    [Theory]
    [InlineData(Role.Leader)]
    [InlineData(Role.Planner)]
    [InlineData(Role.DataOfficer)]
    [InlineData(Role.Administrator)]
    public async Task A_county_account_of_every_role_sees_its_county_on_tiles_hub_and_export_and_nothing_of_the_next(Role role)
    {
        await using var world = await StartAsync(Fast);
        using var client = await world.ClientAsync(role, "513431");

        // Tiles: a tile across both counties holds only its own; a tile of the other county alone is empty.
        var (x, y) = TileWorld.TileAt(102.6, 28.05, 10);
        var codes = await AccessTileTests.CodesAsync(client, "villages", 10, x, y);
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.Equal(Zhaojue, c / 1_000_000 * 1_000_000));
        var (xx, xy) = TileWorld.TileAt(102.45, 28.05, 12);
        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync($"/tiles/villages/12/{xx}/{xy}")).StatusCode);

        // The hub: its county, not the next.
        await using (var live = await LiveClient.ConnectAsync(world.Url, await world.Factory.IssueTokenAsync(role, "513431")))
        {
            await live.SubscribeAsync(Zhaojue);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => live.SubscribeAsync(Xide));
            Assert.Contains("names no unit in your area", refused.Message);
        }

        // The household export: for the roles that see households, the county's own; leaders get none.
        using var export = await client.GetAsync("/api/exports/households.csv");
        if (role == Role.Leader)
        {
            Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
            return;
        }
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var csv = await export.Content.ReadAsStringAsync();
        Assert.Contains(ZhaojueHousehold + ",", csv);
        Assert.DoesNotContain(XideHousehold + ",", csv);
        Assert.DoesNotContain(",513432", csv);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/exports/households.csv?unit=513432")).StatusCode);
    }
}
