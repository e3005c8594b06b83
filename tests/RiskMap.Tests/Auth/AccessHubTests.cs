using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;
using RiskMap.Tests.Live;
using static RiskMap.Tests.Auth.AccessWorld;

namespace RiskMap.Tests.Auth;

/// <summary>Role × area on the live hub: a token to connect, subscriptions within the area, messages as the role may see them.</summary>
public sealed class AccessHubTests
{
    private static readonly Dictionary<string, string?> Fast = new() { ["Live:Tick"] = "00:00:00.050", ["Auth:RevalidateInterval"] = "00:00:00.500" };

    [Fact]
    public async Task WithoutAToken_TheHubRefusesTheConnection()
    {
        await using var world = await StartAsync(Fast);

        // The WebSocket upgrade is answered 401 (the surface test checks the status); the client cannot connect.
        await Assert.ThrowsAsync<InvalidOperationException>(() => LiveClient.ConnectAsync(world.Url, null));
        await Assert.ThrowsAsync<InvalidOperationException>(() => LiveClient.ConnectAsync(world.Url, TokenText.New()));
    }

    [Fact]
    public async Task CountyLeader_SubscribesToItsCountyOnly_AndHearsNothingOfTheNext()
    {
        await using var world = await StartAsync(Fast);
        await using var leader = await LiveClient.ConnectAsync(world.Url, await world.Factory.IssueTokenAsync(Role.Leader, "513431"));

        var snapshot = (await leader.SubscribeAsync(Zhaojue))!.AsObject();
        foreach (var unit in new[] { Xide, TestUnits.Prefecture, LiveTestData.OtherVillage })
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => leader.SubscribeAsync(unit));
            Assert.Contains("names no unit in your area", refused.Message);
        }
        await Assert.ThrowsAsync<InvalidOperationException>(() => leader.ResumeAsync(Xide, 0));
        // The household alert is there, without the household.
        var household = snapshot["openAlerts"]!.AsArray().Single(a => (string?)a!["subjectKind"] == "household")!;
        Assert.Null(household["subjectId"]);

        // A change in each county: the leader hears of its own.
        await using (var services = await TestServices.CreateAsync(world.Db, TimeProvider.System))
        {
            await services.WriteAsync(LiveTestData.OtherCountyHousehold("XD-late", LiveTestData.Poor));
            await services.WriteAsync(TestUnits.Household("ZJ-late", TestUnits.VillageA2, LiveTestData.Poor));
        }
        // The relay sends in commit order: once 昭觉's later change is here, 喜德's earlier one would have been.
        await leader.WaitForAsync("UnitStatsChanged", m => (string?)m["id"] == TestUnits.VillageA2.ToString());
        var aboutUnits = leader.Messages.Where(m => m.Name != "TilesInvalidated").ToList();
        Assert.NotEmpty(aboutUnits);
        Assert.All(aboutUnits, m => Assert.StartsWith("513431", (string)m.Data["unitCode"]!));
    }

    [Fact]
    public async Task LiveMessages_WithholdSmallCountsAndHouseholdIds_FromLeadersOnly()
    {
        await using var world = await StartAsync(Fast);
        await using var leader = await LiveClient.ConnectAsync(world.Url, await world.Factory.IssueTokenAsync(Role.Leader, "513431"));
        await using var planner = await LiveClient.ConnectAsync(world.Url, await world.Factory.IssueTokenAsync(Role.Planner, "513431"));
        await leader.SubscribeAsync(TestUnits.TownshipB);
        await planner.SubscribeAsync(TestUnits.TownshipB);

        await using (var services = await TestServices.CreateAsync(world.Db, TimeProvider.System))
            await services.WriteAsync(TestUnits.Household("GQ-late", TestUnits.VillageB1, LiveTestData.Comfortable));

        var village = TestUnits.VillageB1.ToString();
        var seenByPlanner = await planner.WaitForAsync("UnitStatsChanged", m => (string?)m["id"] == village);
        var seenByLeader = await leader.WaitForAsync("UnitStatsChanged", m => (string?)m["id"] == village);
        Assert.Equal(4, (int)seenByPlanner.Data["households"]!);
        Assert.Equal(1, (int)seenByPlanner.Data["level2"]!);
        Assert.Null(seenByLeader.Data["households"]);
        Assert.Null(seenByLeader.Data["level2"]);
        Assert.Null(seenByLeader.Data["shareAtLeastII"]);
        Assert.Equal((string?)seenByPlanner.Data["zone"], (string?)seenByLeader.Data["zone"]);
    }

    [Fact]
    public async Task ARevokedToken_LosesItsOpenConnection()
    {
        await using var world = await StartAsync(Fast);
        var token = await world.Factory.IssueTokenAsync(Role.Leader, "513431", TokenKind.Device);
        await using var wall = await LiveClient.ConnectAsync(world.Url, token);
        await wall.SubscribeAsync(Zhaojue);

        await world.Db.ExecuteAsync("UPDATE access_token SET revoked_at = now(), revoked_by = 'test' WHERE token_hash = $1", TokenText.Hash(token));

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            try { await wall.SubscribeAsync(Zhaojue); }
            catch (InvalidOperationException) { return; }
            await Task.Delay(200);
        }
        Assert.Fail("the revoked token's connection stayed open");
    }
}
