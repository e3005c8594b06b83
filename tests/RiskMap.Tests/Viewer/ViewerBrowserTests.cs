using Microsoft.Playwright;
using RiskMap.Server.Database;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Viewer;

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
        await using var server = ServerProcess.Start(new Dictionary<string, string> { ["ConnectionStrings__RiskMap"] = db.ConnectionString });
        await server.WaitHealthyAsync(TimeSpan.FromSeconds(90));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ViewerPage.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var requested = new List<string>();
        page.Request += (_, request) => { lock (requested) requested.Add(request.Url); };
        var viewer = new ViewerPage(page);

        await page.GotoAsync(server.Url + "/");
        await viewer.WaitUntilIdleAsync();

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

        string[] offHost;
        lock (requested)
            offHost = requested.Where(u => !(u.StartsWith(server.Url) || u.StartsWith("data:") || u.StartsWith("blob:"))).ToArray();
        Assert.Empty(offHost);
    }

    [Fact]
    public async Task Language_switch_turns_the_screen_English_and_the_choice_is_remembered()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var server = ViewerServer.Create(db);
        var url = server.StartKestrel();
        await using var browser = await BrowserSession.OpenAsync(1280, 800);
        var viewer = browser.Viewer;
        await browser.Page.GotoAsync(url + "/");
        await viewer.WaitForConnectionAsync("live");
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
        await browser.Page.GotoAsync(url + "/?lang=zh");
        await Assertions.Expect(viewer.Legend).ToContainTextAsync("III 高警");
    }
}
