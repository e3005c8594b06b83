namespace RiskMap.Server.Regions;

/// <summary>Authorization policies of the regions feature (defined in Auth/AccessPolicies).</summary>
public static class RegionPolicies
{
    /// <summary>Lists of households (入户排查) and their exports: names no person, but identifies households and where they live.</summary>
    public const string SeeHouseholds = Auth.AccessPolicies.SeeHouseholds;
}

public static class RegionRegistration
{
    /// <summary>Region queries, the visit list, saved watch regions and their figures; limits validated at start-up.</summary>
    public static IServiceCollection AddRegions(this IServiceCollection services)
    {
        services.AddOptions<RegionOptions>().BindConfiguration(RegionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<VillageIncomeCache>();
        services.AddSingleton<RegionQueries>();
        services.AddSingleton<WatchRegionFigures>();
        services.AddSingleton<WatchRegions>();
        return services;
    }
}
