using Microsoft.Extensions.Options;

namespace RiskMap.Server.Risk;

/// <summary>Registers the risk model and region rule options, bound from configuration and validated at start-up.</summary>
public static class RiskRulesRegistration
{
    /// <summary>Binds "Risk:Model" and "Risk:Regions"; invalid values stop the server at start-up with every error listed.</summary>
    public static IServiceCollection AddRiskRules(this IServiceCollection services)
    {
        services.AddOptions<RiskModelOptions>().BindConfiguration(RiskModelOptions.Section).ValidateOnStart();
        services.AddOptions<RegionRuleOptions>().BindConfiguration(RegionRuleOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RiskModelOptions>, RiskModelOptionsValidator>();
        services.AddSingleton<IValidateOptions<RegionRuleOptions>, RegionRuleOptionsValidator>();
        return services;
    }
}
