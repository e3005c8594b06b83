using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace RiskMap.Tests.Viewer;

/// <summary>Wall mode (?mode=wall) against real servers.</summary>
public sealed class WallScreenTests
{
    [Fact]
    public async Task Wall_mode_loads_from_localhost_only_shows_the_scopes_figures_and_tours_the_worst_places()
    {
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 12, 1920, 1080);
        var viewer = scenario.Viewer;

        await scenario.OpenAsync("/?mode=wall&tour=5");

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
        Assert.Empty(scenario.Browser.OffHost(scenario.Url));
    }

    [Fact]
    public async Task A_new_red_alert_takes_over_the_wall_until_it_is_acknowledged_elsewhere()
    {
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 0, 1920, 1080);
        var viewer = scenario.Viewer;
        await scenario.OpenAsync("/?mode=wall&tour=0");
        await Assertions.Expect(viewer.AlertTakeover).ToBeHiddenAsync();

        await scenario.SetNanpingPoorAsync(12);

        await Assertions.Expect(viewer.AlertTakeover).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(viewer.AlertTakeover).ToContainTextAsync("红色预警");
        await viewer.WaitUntilIdleAsync();
        await viewer.SaveScreenshotAsync("viewer-wall-red-alert.png");
        using var http = scenario.Http();
        foreach (var id in await RaisedAlertIdsAsync(http))
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
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 0, 1920, 1080);
        var viewer = scenario.Viewer;
        await scenario.OpenAsync("/?mode=wall&tour=0");
        await Assertions.Expect(viewer.Kpi("level2")).ToHaveTextAsync("0");

        await scenario.StopServerAsync();

        await viewer.WaitForConnectionAsync("offline");
        await Assertions.Expect(viewer.ConnectionState).ToContainTextAsync("连接中断 · 显示");
        await Assertions.Expect(viewer.Kpi("level2")).ToHaveTextAsync("0"); // the last state stays
        await Assertions.Expect(viewer.UnitLabels.First).ToBeVisibleAsync();
        await viewer.SaveScreenshotAsync("viewer-wall-offline.png");

        // While it is away, 南坪村 crosses the scale threshold.
        await scenario.SetNanpingPoorAsync(12);
        scenario.StartServerAgain();

        await viewer.WaitForConnectionAsync("live", 60_000);
        await Assertions.Expect(viewer.Kpi("level2")).ToHaveTextAsync("12");
        await Assertions.Expect(viewer.Kpi("red-villages")).ToHaveTextAsync("1", new() { Timeout = 20_000 });
        await Assertions.Expect(viewer.AlertTicker).ToContainTextAsync("南坪村");
        await Assertions.Expect(viewer.AlertTakeover).ToBeVisibleAsync();
        await viewer.WaitUntilIdleAsync();
        await viewer.SaveScreenshotAsync("viewer-wall-recovered.png");
    }

    private static async Task<long[]> RaisedAlertIdsAsync(HttpClient http)
    {
        var list = await http.GetFromJsonAsync<JsonElement>("/api/alerts?state=raised");
        return list.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("alertId").GetInt64()).ToArray();
    }
}
