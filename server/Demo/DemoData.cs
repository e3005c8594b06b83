using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Geodata.Divisions;
using RiskMap.Geodata.Generation;
using RiskMap.Geodata.Loading;
using RiskMap.Server.Households;
using RiskMap.Server.Statistics;

namespace RiskMap.Server.Demo;

/// <summary>
/// Generates and loads the demo dataset (schematic boundaries with real codes, sites and
/// households), then runs the risk model and the statistics over it: the same path an import of
/// a real register takes after its bulk load.
/// </summary>
public sealed class DemoData(
    NpgsqlDataSource db, HouseholdAssessor assessor, PolicyTableSource policies, RiskRebuild risk,
    StatisticsRebuild statistics, MedianRefresher medians, ILogger<DemoData> log)
{
    /// <summary>Loads the dataset when the database holds no units yet; returns false when there was data already.</summary>
    public async Task<bool> LoadIfEmptyAsync(DemoOptions options, CancellationToken ct)
    {
        await using (var cmd = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM admin_unit)"))
            if ((bool)(await cmd.ExecuteScalarAsync(ct))!) return false;
        await LoadAsync(options, ct);
        return true;
    }

    public async Task LoadAsync(DemoOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var today = assessor.Today;
        var line = policies.Current.Find(options.RootCode, today.Year);
        var set = ScenarioGenerator.Generate(DivisionCatalog.Load(), new ScenarioOptions
        {
            Root = options.RootCode, Scale = options.Scale, Seed = options.Seed, AsOf = today, MonitoringLine = line.MonitoringLine,
        });
        log.LogInformation("Generated the demo dataset for {Root}: {Households} households, {Sites} sites ({Seconds:0.0} s)",
            options.RootCode, set.HouseholdCount, set.SiteCount, clock.Elapsed.TotalSeconds);
        var summary = await BulkLoader.LoadAsync(db, set, ct);
        log.LogInformation("Loaded {Units} units, {Sites} sites, {Households} households ({Rate:N0} households/s)",
            summary.Units, summary.Sites, summary.Households, summary.HouseholdsPerSecond);
        await risk.RunAsync(ct);
        await statistics.RunAsync(ct);
        await medians.RefreshStaleAsync(ct);
        log.LogInformation("Demo data ready in {Seconds:0.0} s", clock.Elapsed.TotalSeconds);
    }
}

public static class DemoRegistration
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section)
            .Validate(o => Geodata.Domain.UnitCode.TryParse(o.Root, out _), "Demo:Root must be a division code")
            .Validate(o => o.Scale is > 0 and <= 4, "Demo:Scale must be in (0, 4]")
            .ValidateOnStart();
        services.AddSingleton<DemoData>();
        services.AddOptions<DemoFeedOptions>().BindConfiguration(DemoFeedOptions.Section)
            .Validate(o => o.Interval > TimeSpan.Zero && o.DisasterEvery > TimeSpan.Zero && o.RoutineChanges >= 0 && o.RecoveriesPerInterval > 0
                && o.DisasterRadiusMetres > 0, "Demo:Feed: Interval, DisasterEvery, DisasterRadiusMetres and RecoveriesPerInterval must be positive")
            .ValidateOnStart();
        services.AddHostedService<DemoFeed>();
        return services;
    }

    /// <summary>With Demo:Enabled, loads the demo dataset into an empty database before the server takes requests.</summary>
    public static async Task LoadDemoDataAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (options.Enabled)
            await app.Services.GetRequiredService<DemoData>().LoadIfEmptyAsync(options, app.Lifetime.ApplicationStopping);
    }
}
