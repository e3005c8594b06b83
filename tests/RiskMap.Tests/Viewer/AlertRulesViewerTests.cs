using Microsoft.Playwright;
using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Viewer;

/// <summary>The alert rules on the desk: administrators read and change them; others do not see them.</summary>
public sealed class AlertRulesViewerTests
{
    [Fact]
    public async Task An_administrator_changes_a_rule_on_the_desk_sees_what_it_did_and_sees_a_bad_value_refused_beside_its_field()
    {
        // 12 of 南坪村's 20 households at level II: the village's and its township's scale alerts are open.
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 12, 1280, 800);
        var viewer = scenario.Viewer;
        await scenario.OpenAsync("/#12/28.05/102.65");
        await Assertions.Expect(viewer.AlertMarkerAt(TestUnits.VillageA1)).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await viewer.RulesButton.ClickAsync();
        await Assertions.Expect(viewer.RulesField("minimumHouseholds")).ToHaveValueAsync("10");
        await Assertions.Expect(viewer.Rules).ToContainTextAsync("超过 1/2 时预警");
        await viewer.RulesField("minimumHouseholds").FillAsync("25");
        await viewer.Rules.Locator("input[data-field=comment]").FillAsync("小村并入乡镇判断");
        await viewer.RulesSave.ClickAsync();

        // In force at once: both alerts under 25 households resolved, their marker gone from the map.
        await Assertions.Expect(viewer.RulesStatus).ToContainTextAsync("第 1 版", new() { Timeout = 20_000 });
        await Assertions.Expect(viewer.RulesStatus).ToContainTextAsync("解除 2 条");
        await Assertions.Expect(viewer.Rules).ToContainTextAsync("小村并入乡镇判断");
        await Assertions.Expect(viewer.AlertMarkerAt(TestUnits.VillageA1)).ToBeHiddenAsync(new() { Timeout = 20_000 });
        await viewer.SaveScreenshotAsync("viewer-alert-rules.png");

        await viewer.RulesField("scaleClear.village").FillAsync("1/2");
        await viewer.Rules.Locator("input[data-field=comment]").FillAsync("试一下");
        await viewer.RulesSave.ClickAsync();

        await Assertions.Expect(viewer.RulesError("scaleClear.village")).ToContainTextAsync("must be below the raise threshold", new() { Timeout = 20_000 });
        await Assertions.Expect(viewer.RulesStatus).ToContainTextAsync("未保存");
        Assert.Equal(1L, await scenario.Db.ScalarAsync<long>("SELECT count(*) FROM alert_rule_change"));
    }

    [Fact]
    public async Task A_leader_sees_no_alert_rules_button()
    {
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 0, 1280, 800);
        var leader = await scenario.IssueTokenAsync(Role.Leader, TestUnits.County.ToString());
        await scenario.Browser.Page.GotoAsync(scenario.Url + ViewerScenario.WithToken("/", leader));
        await scenario.Viewer.WaitUntilIdleAsync();
        await scenario.Viewer.WaitForConnectionAsync("live");
        // the administrator's own page would show it by now (the rules are asked for as the status bar is made)
        await scenario.Browser.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await Assertions.Expect(scenario.Viewer.Rules).ToBeHiddenAsync();
    }
}
