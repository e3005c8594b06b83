using Microsoft.Playwright;

namespace RiskMap.Tests.Viewer;

/// <summary>The map viewer as a test sees it; selectors mirror viewer/src/testIds.ts.</summary>
public sealed class ViewerPage(IPage page)
{
    public ILocator Map => page.Locator("[data-testid=map]");
    public ILocator Legend => page.Locator("[data-testid=legend]");
    public ILocator SchematicNotice => page.Locator("[data-testid=schematic-notice]");
    public ILocator Attribution => page.Locator("[data-testid=data-attribution]");
    public ILocator UnitLabels => page.Locator("[data-testid=unit-label]");
    public ILocator UnitCard => page.Locator("[data-testid=unit-card]");
    public ILocator UnitCardName => page.Locator("[data-testid=unit-card-name]");

    /// <summary>Waits for the map to report that it has loaded and drawn (data-map-state="idle").</summary>
    public Task WaitUntilIdleAsync() =>
        page.Locator("[data-testid=map][data-map-state=idle]").WaitForAsync(new() { Timeout = 60_000 });

    /// <summary>Launches Debian's Chromium by path (never a downloaded browser), headless, off the network.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
    });
}
