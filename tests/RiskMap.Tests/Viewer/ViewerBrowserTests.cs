using Microsoft.Playwright;
using Microsoft.Extensions.Options;
using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Viewer;

/// <summary>The desk viewer, served by the real server process.</summary>
public sealed class ViewerBrowserTests
{
    [Fact]
    public async Task Dashboard_LoadsFromLocalhostOnly_ShowsTheSchematicMap_AndAUnitCardOnClick()
    {
        ViewerPage.DistDirectory();
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using (var services = await TestServices.CreateAsync(db, new ManualTimeProvider(DateTimeOffset.UtcNow)))
            await services.WriteAsync(Enumerable.Range(0, 40).Select(i =>
                TestUnits.Household($"V{i}", TestUnits.Villages[i % 4], i % 3 == 0 ? 3000 : 30000)).ToArray());
        var token = await TestAccounts.IssueAsync(db.DataSource, Role.Planner, "513431");
        await using var server = ServerProcess.Start(new Dictionary<string, string> { ["ConnectionStrings__RiskMap"] = db.ConnectionString });
        await server.WaitHealthyAsync(TimeSpan.FromSeconds(90));

        await using var browser = await BrowserSession.OpenAsync(1280, 800);
        var (page, viewer) = (browser.Page, browser.Viewer);

        await page.GotoAsync(server.Url + "/?token=" + token);
        await viewer.WaitUntilIdleAsync();
        // The viewer keeps the token and takes it out of the address (and so out of the history).
        Assert.DoesNotContain("token=", page.Url);

        await Assertions.Expect(viewer.SchematicNotice).ToContainTextAsync("示意图");
        await Assertions.Expect(viewer.Attribution).ToContainTextAsync("GeoNames");
        await Assertions.Expect(viewer.Legend).ToContainTextAsync("III 高警");
        await Assertions.Expect(viewer.UnitLabels.First).ToBeVisibleAsync();
        var box = (await viewer.Map.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await Assertions.Expect(viewer.UnitCard).ToBeVisibleAsync();
        var name = await viewer.UnitCardName.InnerTextAsync();
        Assert.Contains(name, new[] { "昭觉县", "新城镇", "谷曲镇", "南坪村", "城北村", "谷曲村", "洒拉地坡村" });
        await Assertions.Expect(viewer.ConnectionState).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(viewer.DataAsOf).ToContainTextAsync("数据截至");
        await viewer.SaveScreenshotAsync("viewer-planner-card.png");
        Assert.Empty(browser.OffHost(server.Url));
    }

    [Fact]
    public async Task Language_switch_turns_the_screen_English_and_the_choice_is_remembered()
    {
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 0, 1280, 800);
        var (browser, viewer) = (scenario.Browser, scenario.Viewer);
        await scenario.OpenAsync("/");
        await Assertions.Expect(viewer.Legend).ToContainTextAsync("III 高警");
        await Assertions.Expect(viewer.ConnectionState).ToHaveTextAsync("实时");

        await viewer.LanguageSwitch.ClickAsync();

        await Assertions.Expect(viewer.Legend).ToContainTextAsync("III high");
        await Assertions.Expect(viewer.ConnectionState).ToHaveTextAsync("Live");
        await Assertions.Expect(viewer.DataAsOf).ToContainTextAsync("Data as of");
        await Assertions.Expect(viewer.SchematicNotice).ToContainTextAsync("Schematic map");
        await Assertions.Expect(browser.Page.Locator("html")).ToHaveAttributeAsync("lang", "en-GB");
        await viewer.WaitUntilIdleAsync();
        await viewer.SaveScreenshotAsync("viewer-english.png");

        await browser.Page.ReloadAsync();
        await Assertions.Expect(viewer.Legend).ToContainTextAsync("III high");
        await browser.Page.GotoAsync(scenario.Url + "/?lang=zh");
        await Assertions.Expect(viewer.Legend).ToContainTextAsync("III 高警");
    }

    [Fact]
    public async Task Without_a_token_the_viewer_asks_for_a_sign_in_and_then_shows_the_map()
    {
        ViewerPage.DistDirectory();
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        var accounts = new UserAccounts(db.DataSource, Options.Create(new AuthOptions()), TimeProvider.System);
        await accounts.AddAsync("zhaojue-planner", "昭觉县 规划员", Role.Planner, AreaScope.Of(new RiskMap.Geodata.Domain.UnitCode(TestUnits.County)),
            "correct horse battery", "test", CancellationToken.None);
        await using var server = ServerProcess.Start(new Dictionary<string, string> { ["ConnectionStrings__RiskMap"] = db.ConnectionString });
        await server.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        await using var browser = await BrowserSession.OpenAsync(1280, 800);
        var (page, viewer) = (browser.Page, browser.Viewer);

        await page.GotoAsync(server.Url + "/");
        var form = page.Locator("form.sign-in");
        await Assertions.Expect(form).ToBeVisibleAsync();
        await form.Locator("input[name=username]").FillAsync("zhaojue-planner");
        await form.Locator("input[name=password]").FillAsync("wrong password!");
        await form.Locator("button").ClickAsync();
        await Assertions.Expect(form).ToContainTextAsync("Wrong username or password");
        await form.Locator("input[name=password]").FillAsync("correct horse battery");
        await form.Locator("button").ClickAsync();

        await viewer.WaitUntilIdleAsync();
        await Assertions.Expect(viewer.ConnectionState).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(form).ToBeHiddenAsync();
    }
}
