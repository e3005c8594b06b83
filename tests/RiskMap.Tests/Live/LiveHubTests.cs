using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Live;

/// <summary>The hub at /hubs/risk with real @microsoft/signalr clients, over a real server and PostGIS.</summary>
public sealed class LiveHubTests
{

    private static readonly Dictionary<string, string?> FastTick = new() { ["Live:Tick"] = "00:00:00.050" };

    [Fact]
    public async Task A_disaster_posted_over_a_village_raises_its_scale_alert_to_subscribers_of_its_county_and_not_of_another_county()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await LiveTestData.InsertOtherCountyAsync(db);
        await using var server = new RiskMapFactory(db.ConnectionString, FastTick);
        var url = server.StartKestrel();
        await using var services = await TestServices.CreateAsync(db, TimeProvider.System);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageB1, "B1", 200, 0));
        // Near the line but not below it: a severe flood pushes them to level II.
        await services.WriteAsync(Enumerable.Range(0, 20).Select(i => TestUnits.Household($"A1-{i}", TestUnits.VillageA1, 9600)).ToArray());
        await using var zhaojue = await LiveClient.ConnectAsync(url, await server.IssueTokenAsync(Role.Administrator));
        await using var xide = await LiveClient.ConnectAsync(url, await server.IssueTokenAsync(Role.Administrator));
        await zhaojue.SubscribeAsync(TestUnits.County);
        await xide.SubscribeAsync(LiveTestData.OtherCounty);

        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await server.IssueTokenAsync(Role.DataOfficer));
        var flood = await http.PostAsync("/api/events", new StringContent("""
            { "type": "Feature",
              "geometry": { "type": "Polygon", "coordinates": [[[102.6, 28.0], [102.7, 28.0], [102.7, 28.1], [102.6, 28.1], [102.6, 28.0]]] },
              "properties": { "id": "flood-2026-11-20", "type": "flood", "severity": 3, "date": "2026-11-20" } }
            """, System.Text.Encoding.UTF8, "application/geo+json"));
        Assert.Equal(System.Net.HttpStatusCode.OK, flood.StatusCode);

        var alert = await zhaojue.WaitForAsync("AlertRaised", a => (string?)a["subjectId"] == TestUnits.VillageA1.ToString());
        Assert.Equal("scale", (string?)alert.Data["rule"]);
        Assert.Equal("red", (string?)alert.Data["severity"]);
        Assert.Equal("南坪村", (string?)alert.Data["subjectName"]);
        Assert.True((double)alert.Data["metric"]! > 0.5);
        var figures = await zhaojue.WaitForAsync("UnitStatsChanged", s => (string?)s["id"] == TestUnits.VillageA1.ToString() && (bool)s["scaleReturn"]!);
        Assert.Equal("red", (string?)figures.Data["zone"]);
        await zhaojue.WaitForAsync("TilesInvalidated", t => t["areas"]!.AsArray().Any(a => (string?)a!["layer"] == "villages"));

        // A change in 喜德县 after it: once its subscriber has that, it would have had the other before.
        await services.WriteAsync(LiveTestData.OtherCountyHousehold("X-1", LiveTestData.Comfortable));
        await xide.WaitForAsync("UnitStatsChanged", s => (string?)s["id"] == LiveTestData.OtherVillage.ToString());
        Assert.DoesNotContain(xide.Messages, m => m.Data.ToJsonString().Contains(TestUnits.VillageA1.ToString()) || m.Name == "AlertRaised");
        Assert.DoesNotContain(zhaojue.Messages, m => m.Name == "UnitStatsChanged" && (string?)m.Data["id"] == LiveTestData.OtherVillage.ToString());
    }

    [Fact]
    public async Task Subscribing_returns_the_units_figures_and_the_alerts_open_under_it_and_an_unknown_unit_is_refused()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, TimeProvider.System);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageB1, "B1", 200, 0));
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));
        await using var server = new RiskMapFactory(db.ConnectionString, FastTick);
        var url = server.StartKestrel();
        await using var client = await LiveClient.ConnectAsync(url, await server.IssueTokenAsync(Role.Administrator));

        var snapshot = (await client.SubscribeAsync(TestUnits.TownshipA))!.AsObject();

        Assert.Equal(TestUnits.TownshipA.ToString(), (string?)snapshot["unitCode"]);
        Assert.Equal(20, (int)snapshot["figures"]!["households"]!);
        Assert.Equal(
            [TestUnits.TownshipA.ToString(), TestUnits.VillageA1.ToString()],
            snapshot["openAlerts"]!.AsArray().Select(a => (string)a!["subjectId"]!).Order());
        Assert.True((long)snapshot["version"]! > 0);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SubscribeAsync(513499000000));
        Assert.Contains("names no unit", refused.Message);
    }

    [Fact]
    public async Task A_client_that_reconnects_catches_up_from_the_last_version_it_saw_and_misses_no_alert()
    {
        await using var world = await HubWorld.StartAsync(FastTick);
        var (db, server, url, services) = (world.Db, world.Server, world.Url, world.Services);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageB1, "B1", 200, 0));
        await using var client = await LiveClient.ConnectAsync(url, await server.IssueTokenAsync(Role.Administrator));
        var seen = (long)(await client.SubscribeAsync(TestUnits.County))!["version"]!;

        await client.StopAsync();
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 13));
        await client.StartAsync();
        var catchUp = (await client.ResumeAsync(TestUnits.County, seen))!.AsObject();

        Assert.False((bool)catchUp["reset"]!);
        var alerts = catchUp["alerts"]!.AsArray();
        Assert.Contains(alerts, a => (string?)a!["subjectId"] == TestUnits.VillageA1.ToString() && (string?)a["event"] == "raised");
        Assert.Contains(alerts, a => (string?)a!["subjectId"] == TestUnits.TownshipA.ToString() && (string?)a["event"] == "raised");
        // The figures come once per unit, the latest: 13 of 20 at level II.
        var village = Assert.Single(catchUp["stats"]!.AsArray(), s => (string?)s!["id"] == TestUnits.VillageA1.ToString())!;
        Assert.Equal(13, (int)village["level2"]!);
        Assert.True((long)catchUp["version"]! >= alerts.Max(a => (long)a!["version"]!));

        // And live delivery goes on after the resume.
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 2));
        await client.WaitForAsync("AlertResolved", a => (string?)a["subjectId"] == TestUnits.VillageA1.ToString());
    }

    [Fact]
    public async Task Two_servers_on_one_database_both_deliver_every_message()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var first = new RiskMapFactory(db.ConnectionString, FastTick);
        await using var second = new RiskMapFactory(db.ConnectionString, FastTick);
        var (firstUrl, secondUrl) = (first.StartKestrel(), second.StartKestrel());
        await using var onFirst = await LiveClient.ConnectAsync(firstUrl, await first.IssueTokenAsync(Role.Administrator));
        await using var onSecond = await LiveClient.ConnectAsync(secondUrl, await second.IssueTokenAsync(Role.Administrator));
        await onFirst.SubscribeAsync(TestUnits.Province);
        await onSecond.SubscribeAsync(TestUnits.Prefecture);
        await using var services = await TestServices.CreateAsync(db, TimeProvider.System);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageB1, "B1", 200, 0));

        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));
        var raised = await onFirst.WaitForAsync("AlertRaised", a => (string?)a["subjectId"] == TestUnits.VillageA1.ToString());
        await onSecond.WaitForAsync("AlertRaised", a => (string?)a["subjectId"] == TestUnits.VillageA1.ToString());

        // Acknowledged through the first server's API: the second server's client hears of it too.
        var id = (long)raised.Data["alertId"]!;
        using var http = new HttpClient { BaseAddress = new Uri(firstUrl) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await first.IssueTokenAsync(Role.Planner));
        var ack = await http.PostAsJsonAsync($"/api/alerts/{id}/acknowledge", new { by = "州乡村振兴局 李某", comment = "已通知县里" });
        ack.EnsureSuccessStatusCode();
        var updated = await onSecond.WaitForAsync("AlertUpdated", a => (long)a["alertId"]! == id && (string?)a["state"] == "acknowledged");
        Assert.Equal("acknowledged", (string?)updated.Data["state"]);
        Assert.Equal("州乡村振兴局 李某", (string?)updated.Data["acknowledgedBy"]);
        await onFirst.WaitForAsync("AlertUpdated", a => (long)a["alertId"]! == id);
    }

    [Fact]
    public async Task Many_changes_to_a_village_within_one_tick_reach_a_client_as_one_message_with_the_latest_figures()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var server = new RiskMapFactory(db.ConnectionString, new Dictionary<string, string?> { ["Live:Tick"] = "00:00:03" });
        var url = server.StartKestrel();
        await using var services = await TestServices.CreateAsync(db, TimeProvider.System);
        await using var client = await LiveClient.ConnectAsync(url, await server.IssueTokenAsync(Role.Administrator));
        await client.SubscribeAsync(TestUnits.VillageA2);

        // The first change goes out at once; the nine after it fall within the tick that follows.
        for (var i = 0; i < 10; i++)
            await services.WriteAsync(TestUnits.Household($"A2-{i}", TestUnits.VillageA2, LiveTestData.Comfortable));

        var last = await client.WaitForAsync("UnitStatsChanged", s => (int)s["households"]! == 10, TimeSpan.FromSeconds(20));
        var village = client.Messages.Where(m => m.Name == "UnitStatsChanged" && (string?)m.Data["id"] == TestUnits.VillageA2.ToString()).ToList();
        Assert.InRange(village.Count, 1, 2);
        Assert.Same(last, village[^1]);
    }

    [Fact]
    public async Task A_write_reaches_a_subscriber_taking_frames_as_one_frame_holding_the_figures_of_every_unit_above_its_alerts_and_its_tiles()
    {
        await using var world = await HubWorld.StartAsync(FastTick);
        var (db, server, url, services) = (world.Db, world.Server, world.Url, world.Services);
        await using var client = await LiveClient.ConnectAsync(url, await server.IssueTokenAsync(Role.Administrator), frames: true);
        await client.SubscribeAsync(TestUnits.County);

        // 12 of 20 households at level II or above: the village's and the township's scale alerts open.
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));

        var tiles = await client.WaitForAsync("TilesInvalidated", t => t["areas"]!.AsArray().Any(a => (string?)a!["layer"] == "villages"));
        var frame = client.Messages.Where(m => m.Frame == tiles.Frame).ToList();
        Assert.Equal(
            [TestUnits.County.ToString(), TestUnits.TownshipA.ToString(), TestUnits.VillageA1.ToString()],
            frame.Where(m => m.Name == "UnitStatsChanged" && (string?)m.Data["kind"] == "unit").Select(m => (string)m.Data["id"]!).Order());
        Assert.Contains(frame, m => m.Name == "AlertRaised" && (string?)m.Data["subjectId"] == TestUnits.VillageA1.ToString());
        // The frame's version covers every part of it: a client that applied it resumes after it.
        Assert.All(frame, m => Assert.True((long)m.Data["version"]! <= (long)tiles.Data["version"]!));
    }

    [Fact]
    public async Task A_write_reaches_a_subscriber_as_the_named_events_in_log_order_with_its_tiles_last()
    {
        await using var world = await HubWorld.StartAsync(FastTick);
        var (db, server, url, services) = (world.Db, world.Server, world.Url, world.Services);
        await using var client = await LiveClient.ConnectAsync(url, await server.IssueTokenAsync(Role.Administrator));
        await client.SubscribeAsync(TestUnits.County);

        // 12 of 20 households at level II or above: the village's and the township's scale alerts open.
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));

        var tiles = await client.WaitForAsync("TilesInvalidated", t => t["areas"]!.AsArray().Any(a => (string?)a!["layer"] == "villages"));
        var heard = client.Messages.TakeWhile(m => !ReferenceEquals(m, tiles)).Append(tiles).ToList();
        Assert.All(heard, m => Assert.Equal(0, m.Frame));
        Assert.Equal(
            [TestUnits.County.ToString(), TestUnits.TownshipA.ToString(), TestUnits.VillageA1.ToString()],
            heard.Where(m => m.Name == "UnitStatsChanged" && (string?)m.Data["kind"] == "unit").Select(m => (string)m.Data["id"]!).Order());
        Assert.Contains(heard, m => m.Name == "AlertRaised" && (string?)m.Data["subjectId"] == TestUnits.VillageA1.ToString());
        // in log order, the tiles last at the tick's version: a client resuming after any version it saw misses nothing
        var versions = heard.Select(m => (long)m.Data["version"]!).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal("TilesInvalidated", heard[^1].Name);
    }

    [Fact]
    public async Task An_alert_acknowledged_and_then_resolved_by_hand_reaches_a_subscriber_as_AlertUpdated_then_AlertResolved_with_who_and_why()
    {
        await using var world = await HubWorld.StartAsync(FastTick);
        var (db, server, url, services) = (world.Db, world.Server, world.Url, world.Services);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageB1, "B1", 200, 0));
        await using var client = await LiveClient.ConnectAsync(url, await server.IssueTokenAsync(Role.Leader));
        await client.SubscribeAsync(TestUnits.County);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));
        var raised = await client.WaitForAsync("AlertRaised", a => (string?)a["subjectId"] == TestUnits.VillageA1.ToString());
        var id = (long)raised.Data["alertId"]!;
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await server.IssueTokenAsync(Role.Administrator));

        Assert.True((await http.PostAsJsonAsync($"/api/alerts/{id}/acknowledge", new { by = "乡长 阿某", comment = "今天逐户走访" })).IsSuccessStatusCode);
        var acknowledged = await client.WaitForAsync("AlertUpdated", a => (long)a["alertId"]! == id);
        Assert.True((await http.PostAsJsonAsync($"/api/alerts/{id}/resolve", new { by = "县长 吉某", reason = "临时救助已发放" })).IsSuccessStatusCode);
        var resolved = await client.WaitForAsync("AlertResolved", a => (long)a["alertId"]! == id);

        Assert.Equal(("acknowledged", "乡长 阿某", "今天逐户走访"),
            ((string?)acknowledged.Data["state"], (string?)acknowledged.Data["acknowledgedBy"], (string?)acknowledged.Data["acknowledgeComment"]));
        Assert.Equal(("resolved", "县长 吉某", "临时救助已发放"),
            ((string?)resolved.Data["state"], (string?)resolved.Data["resolvedBy"], (string?)resolved.Data["resolveReason"]));
        Assert.True((long)resolved.Data["alertVersion"]! > (long)acknowledged.Data["alertVersion"]!);
    }

    [Fact]
    public async Task A_share_wavering_just_under_the_threshold_raises_one_alert_and_resolves_it_only_below_the_clear_threshold()
    {
        await using var world = await HubWorld.StartAsync(FastTick);
        var (db, server, url, services) = (world.Db, world.Server, world.Url, world.Services);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageB1, "B1", 200, 0));
        await using var client = await LiveClient.ConnectAsync(url, await server.IssueTokenAsync(Role.Administrator));
        await client.SubscribeAsync(TestUnits.VillageA1);

        // 11 of 20 (55 %) raises; 10 and 9 of 20 (50 %, 45 %) sit between the clear threshold and the
        // raise threshold: the alert stays open however often the share goes back and forth there.
        foreach (var poor in new[] { 11, 10, 11, 9, 11, 10 })
            await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, poor));
        var last = await client.WaitForAsync("UnitStatsChanged", s => (string?)s["id"] == TestUnits.VillageA1.ToString() && (int)s["level2"]! + (int)s["level3"]! == 10);
        // 4 of 20 (20 %) is below the clear threshold: resolved.
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 4));
        await client.WaitForAsync("AlertResolved", a => (string?)a["subjectId"] == TestUnits.VillageA1.ToString());

        var village = client.Messages.Where(m => m.Name.StartsWith("Alert") && (string?)m.Data["subjectId"] == TestUnits.VillageA1.ToString()).Select(m => m.Name).ToList();
        Assert.Equal(["AlertRaised", "AlertResolved"], village);
    }

    [Fact]
    public async Task An_alert_nobody_acknowledges_in_time_reaches_subscribers_escalated_to_the_township_at_the_deadline_on_a_fake_clock()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
        await using var world = await HubWorld.StartAsync(
            new Dictionary<string, string?>(FastTick) { ["Alerts:EscalateAfter"] = "04:00:00", ["Alerts:ClockInterval"] = "00:00:00.200" }, time);
        var (db, server, url, services) = (world.Db, world.Server, world.Url, world.Services);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageB1, "B1", 200, 0));
        // a wall screen's device token: long-lived, so the fake clock's hours do not end its connection
        await using var client = await LiveClient.ConnectAsync(url, await server.IssueTokenAsync(Role.Leader, "all", TokenKind.Device));
        await client.SubscribeAsync(TestUnits.County);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));
        var raised = await client.WaitForAsync("AlertRaised", a => (string?)a["subjectId"] == TestUnits.VillageA1.ToString());
        var id = (long)raised.Data["alertId"]!;

        // (that nothing escalates before the deadline is AlertEngineTests' to show, tick by tick)
        time.Advance(TimeSpan.FromHours(4) + TimeSpan.FromSeconds(1));
        var escalated = await client.WaitForAsync("AlertUpdated", a => (long)a["alertId"]! == id);

        Assert.Equal((1, TestUnits.TownshipA.ToString(), "raised"),
            ((int)escalated.Data["escalatedLevel"]!, (string?)escalated.Data["escalatedTo"], (string?)escalated.Data["state"]));
        // its audit trail: the opening, then the escalation, at the fake clock's time
        Assert.Equal([new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 20, 6, 0, 1, TimeSpan.Zero)],
            await AlertEventTimesAsync(db, id));
    }

    private static async Task<List<DateTimeOffset>> AlertEventTimesAsync(TestDatabase db, long alertId)
    {
        var times = new List<DateTimeOffset>();
        await using var cmd = db.DataSource.CreateCommand("SELECT at FROM alert_event WHERE alert_id = $1 ORDER BY event_id");
        cmd.Parameters.Add(new() { Value = alertId });
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) times.Add(r.GetFieldValue<DateTimeOffset>(0));
        return times;
    }
}

/// <summary>A database with the test units, a server on a port over it, and the writer's services on the same clock.</summary>
internal sealed class HubWorld : IAsyncDisposable
{
    private HubWorld(TestDatabase db, RiskMapFactory server, string url, TestServices services) =>
        (Db, Server, Url, Services) = (db, server, url, services);

    public TestDatabase Db { get; }
    public RiskMapFactory Server { get; }
    public string Url { get; }
    public TestServices Services { get; }

    public static async Task<HubWorld> StartAsync(IReadOnlyDictionary<string, string?> settings, ManualTimeProvider? time = null)
    {
        var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        var server = new RiskMapFactory(db.ConnectionString, settings, time: time);
        var url = server.StartKestrel();
        return new HubWorld(db, server, url, await TestServices.CreateAsync(db, (TimeProvider?)time ?? TimeProvider.System, settings));
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
        await Db.DisposeAsync();
    }
}
