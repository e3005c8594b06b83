using System.Net.Http.Json;
using Microsoft.Playwright;
using RiskMap.Tests.Infrastructure;
using RiskMap.Tests.Live;

namespace RiskMap.Tests.Viewer;

/// <summary>Wall mode (?mode=wall) against real servers.</summary>
public sealed class WallScreenTests
{
    [Fact]
    public async Task Wall_mode_loads_from_localhost_only_shows_the_scopes_figures_and_tours_the_worst_places()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using (var services = await TestServices.CreateAsync(db, TimeProvider.System))
        {
            await services.WriteAsync(LiveTestData.Village(TestUnits.VillageB1, "B1", 200, 0));
            await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));
        }
        await using var server = ViewerServer.Create(db);
        var url = server.StartKestrel();
        await using var browser = await BrowserSession.OpenAsync(1920, 1080);
        var viewer = browser.Viewer;

        await browser.Page.GotoAsync(url + "/?mode=wall&tour=5");
        await viewer.WaitUntilIdleAsync();
        await viewer.WaitForConnectionAsync("live");

        await Assertions.Expect(viewer.WallTitle).ToContainTextAsync("凉山彝族自治州");
        await Assertions.Expect(viewer.Kpi("level2")).ToHaveTextAsync("12");
        await Assertions.Expect(viewer.Kpi("red-villages")).ToHaveTextAsync("1");
        await Assertions.Expect(viewer.Kpi("scale-alerts")).ToHaveTextAsync("2"); // 南坪村 and its township 新城镇
        await Assertions.Expect(viewer.AlertTicker).ToContainTextAsync("南坪村");
        await Assertions.Expect(viewer.DataAsOf).ToContainTextAsync("数据截至");
        await Assertions.Expect(viewer.SchematicNotice).ToContainTextAsync("示意图");
        await Assertions.Expect(viewer.TrendChart.Locator("canvas").First).ToBeVisibleAsync();
        // The tour: the prefecture, the worst county (昭觉县, the only one), then its townships, worst first.
        await Assertions.Expect(viewer.TourCaption).ToContainTextAsync("/4");
        await Assertions.Expect(viewer.TourCaption).ToContainTextAsync("昭觉县", new() { Timeout = 20_000 });
        await viewer.WaitUntilIdleAsync();
        await viewer.SaveScreenshotAsync("viewer-wall.png");
        Assert.Empty(browser.OffHost(url));
    }

    [Fact]
    public async Task A_new_red_alert_takes_over_the_wall_until_it_is_acknowledged_elsewhere()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, TimeProvider.System);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageB1, "B1", 200, 0));
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 0));
        await using var server = ViewerServer.Create(db);
        var url = server.StartKestrel();
        await using var browser = await BrowserSession.OpenAsync(1920, 1080);
        var viewer = browser.Viewer;
        await browser.Page.GotoAsync(url + "/?mode=wall&tour=0");
        await viewer.WaitForConnectionAsync("live");
        await Assertions.Expect(viewer.AlertTakeover).ToBeHiddenAsync();

        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));

        await Assertions.Expect(viewer.AlertTakeover).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(viewer.AlertTakeover).ToContainTextAsync("红色预警");
        await viewer.WaitUntilIdleAsync();
        await viewer.SaveScreenshotAsync("viewer-wall-red-alert.png");
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        foreach (var id in await OpenAlertIdsAsync(http))
        {
            var ack = await http.PostAsJsonAsync($"/api/alerts/{id}/acknowledge", new { by = "县长 吉某", comment = "今日入户排查" });
            ack.EnsureSuccessStatusCode();
        }
        await Assertions.Expect(viewer.AlertTakeover).ToBeHiddenAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(viewer.AlertTicker).ToContainTextAsync("已确认");
    }

    [Fact]
    public async Task Wall_mode_keeps_its_last_state_while_the_server_is_gone_and_recovers_with_what_it_missed()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, TimeProvider.System);
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageB1, "B1", 200, 0));
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 0));
        var port = ServerProcess.FreePort();
        var first = ViewerServer.Create(db);
        var url = first.StartKestrel(port);
        await using var browser = await BrowserSession.OpenAsync(1920, 1080);
        var viewer = browser.Viewer;
        await browser.Page.GotoAsync(url + "/?mode=wall&tour=0");
        await viewer.WaitUntilIdleAsync();
        await viewer.WaitForConnectionAsync("live");
        await Assertions.Expect(viewer.Kpi("level2")).ToHaveTextAsync("0");

        await first.DisposeAsync();

        await viewer.WaitForConnectionAsync("offline");
        await Assertions.Expect(viewer.ConnectionState).ToContainTextAsync("连接中断 · 显示");
        await Assertions.Expect(viewer.Kpi("level2")).ToHaveTextAsync("0"); // the last state stays
        await Assertions.Expect(viewer.UnitLabels.First).ToBeVisibleAsync();
        await viewer.SaveScreenshotAsync("viewer-wall-offline.png");

        // While it is away, 南坪村 crosses the scale threshold.
        await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "A1", 20, 12));
        await using var second = ViewerServer.Create(db);
        Assert.Equal(url, second.StartKestrel(port));

        await viewer.WaitForConnectionAsync("live", 60_000);
        await Assertions.Expect(viewer.Kpi("level2")).ToHaveTextAsync("12");
        await Assertions.Expect(viewer.Kpi("red-villages")).ToHaveTextAsync("1", new() { Timeout = 20_000 });
        await Assertions.Expect(viewer.AlertTicker).ToContainTextAsync("南坪村");
        await Assertions.Expect(viewer.AlertTakeover).ToBeVisibleAsync();
        await viewer.WaitUntilIdleAsync();
        await viewer.SaveScreenshotAsync("viewer-wall-recovered.png");
    }

    private static async Task<long[]> OpenAlertIdsAsync(HttpClient http)
    {
        var list = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/alerts?state=raised");
        return list.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("alertId").GetInt64()).ToArray();
    }
}
