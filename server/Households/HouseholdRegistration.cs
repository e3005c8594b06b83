using RiskMap.Server.Live;
using RiskMap.Server.Risk;
using RiskMap.Server.Statistics;
using RiskMap.Server.Units;

namespace RiskMap.Server.Households;

public static class HouseholdRegistration
{
    /// <summary>The risk model, policy lines, household writes, statistics and unit reads.</summary>
    public static IServiceCollection AddHouseholdsAndStatistics(this IServiceCollection services)
    {
        services.AddRiskRules();
        services.AddAlertRules();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PolicyTableSource>();
        services.AddSingleton<HouseholdAssessor>();
        services.AddSingleton<HouseholdWriter>();
        services.AddSingleton<RiskRebuild>();
        services.AddSingleton<StatisticsMaintainer>();
        services.AddSingleton<StatisticsRebuild>();
        services.AddOptions<StatisticsOptions>().BindConfiguration(StatisticsOptions.Section)
            .Validate(o => o.MedianRefreshInterval > TimeSpan.Zero && o.MedianRefreshChunk > 0, "Statistics: MedianRefreshInterval and MedianRefreshChunk must be positive")
            .ValidateOnStart();
        services.AddSingleton<MedianRefresher>();
        services.AddHostedService<MedianRefreshService>();
        services.AddSingleton<UnitQueries>();
        services.AddSingleton<UnitSearch>();
        return services;
    }

    /// <summary>Reads policy_parameter once the schema is in place.</summary>
    public static Task LoadPolicyLinesAsync(this WebApplication app) =>
        app.Services.GetRequiredService<PolicyTableSource>().ReloadAsync(app.Lifetime.ApplicationStopping);
}
