using Microsoft.Extensions.Configuration;
using RiskMap.Server.Alerts;
using RiskMap.Server.Auth;
using RiskMap.Server.Demo;
using RiskMap.Server.Live;
using RiskMap.Server.Ingest;
using RiskMap.Server.Regions;
using RiskMap.Server.Risk;
using RiskMap.Server.Statistics;
using RiskMap.Server.Viewer;

namespace RiskMap.Tests.Infrastructure;

public sealed class AppSettingsTests
{
    private static IConfiguration Shipped() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RiskMap.Server.Database.DatabaseSetup.RepositoryRoot(AppContext.BaseDirectory), "server", "appsettings.json"))
        .Build();

    [Fact]
    public void ShippedAppSettings_StateTheSameDefaultsAsTheOptionsClasses()
    {
        var config = Shipped();

        AssertSameProperties(new RiskModelOptions(), config.GetSection(RiskModelOptions.Section).Get<RiskModelOptions>()!);
        AssertSameProperties(new StatisticsOptions(), config.GetSection(StatisticsOptions.Section).Get<StatisticsOptions>()!);
        AssertSameProperties(new DemoOptions(), config.GetSection(DemoOptions.Section).Get<DemoOptions>()!);
        AssertSameProperties(new DemoFeedOptions(), config.GetSection(DemoFeedOptions.Section).Get<DemoFeedOptions>()!);
        AssertSameProperties(new ViewerOptions(), config.GetSection(ViewerOptions.Section).Get<ViewerOptions>()!);
        AssertSameProperties(new LiveOptions(), config.GetSection(LiveOptions.Section).Get<LiveOptions>()!);
        var alerts = config.GetSection(AlertOptions.Section).Get<AlertOptions>()!;
        AssertSameProperties(new ScaleClearShares(), alerts.ScaleClear);
        AssertSameProperties(new AlertOptions { ScaleClear = alerts.ScaleClear }, alerts);
        AssertSameProperties(new IngestOptions(), config.GetSection(IngestOptions.Section).Get<IngestOptions>()!);
        AssertSameProperties(new DisasterShockOptions(), config.GetSection(DisasterShockOptions.Section).Get<DisasterShockOptions>()!);
        AssertSameProperties(new AuthOptions(), config.GetSection(AuthOptions.Section).Get<AuthOptions>()!);
        AssertSameProperties(new PrivacyOptions(), config.GetSection(PrivacyOptions.Section).Get<PrivacyOptions>()!);
        AssertSameProperties(new RateLimitOptions(), config.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>()!);
        AssertSameProperties(new RegionOptions(), config.GetSection(RegionOptions.Section).Get<RegionOptions>()!);
        var regions = config.GetSection(RegionRuleOptions.Section).Get<RegionRuleOptions>()!;
        var defaults = new RegionRuleOptions();
        Assert.Equal(defaults.MinimumHouseholds, regions.MinimumHouseholds);
        foreach (var level in Enum.GetValues<RegionLevel>())
        {
            Assert.Equal(defaults.For(level).ScaleShare, regions.For(level).ScaleShare);
            Assert.Equal(defaults.For(level).YellowShare, regions.For(level).YellowShare);
        }
    }

    private static void AssertSameProperties<T>(T expected, T actual)
    {
        foreach (var p in typeof(T).GetProperties().Where(p => p.CanWrite))
            Assert.True(Equals(p.GetValue(expected), p.GetValue(actual)), $"{typeof(T).Name}.{p.Name}: appsettings.json says {p.GetValue(actual)}, the class {p.GetValue(expected)}");
    }
}
