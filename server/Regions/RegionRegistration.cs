namespace RiskMap.Server.Regions;

/// <summary>
/// Authorization policies of the regions feature. There is no authentication yet (a later issue):
/// <see cref="SeeHouseholds"/> admits every caller until then, and is the one place where the
/// roles allowed to see households (domain.md § Privacy) will be required.
/// </summary>
public static class RegionPolicies
{
    /// <summary>Lists of households (入户排查) and their exports: names no person, but identifies households and where they live.</summary>
    public const string SeeHouseholds = "SeeHouseholds";
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
        // Open until authentication exists; then: policy.RequireRole(<roles allowed to see households>).
        services.AddAuthorizationBuilder().AddPolicy(RegionPolicies.SeeHouseholds, policy => policy.RequireAssertion(_ => true));
        return services;
    }
}
