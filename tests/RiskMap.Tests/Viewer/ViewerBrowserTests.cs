using Microsoft.Playwright;
using RiskMap.Server.Database;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Viewer;

public sealed class ViewerBrowserTests
{
    [Fact]
    public async Task Dashboard_LoadsFromLocalhostOnly_ShowsTheSchematicMap_AndAUnitCardOnClick()
    {
        Assert.True(File.Exists(Path.Combine(DatabaseSetup.RepositoryRoot(AppContext.BaseDirectory), "viewer", "dist", "index.html")),
            "viewer/dist is not built: run ./riskmap test (it builds the viewer) or `cd viewer && npm ci && npm run build`");
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
        await SaveScreenshotAsync(page, "viewer-planner-card.png");

        string[] offHost;
        lock (requested)
            offHost = requested.Where(u => !(u.StartsWith(server.Url) || u.StartsWith("data:") || u.StartsWith("blob:"))).ToArray();
        Assert.Empty(offHost);
    }

    /// <summary>Screenshots are kept as test artefacts under artifacts/screenshots.</summary>
    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var dir = Path.Combine(DatabaseSetup.RepositoryRoot(AppContext.BaseDirectory), "artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name) });
    }
}
