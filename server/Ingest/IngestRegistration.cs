using Microsoft.Extensions.Options;

namespace RiskMap.Server.Ingest;

public static class IngestRegistration
{
    /// <summary>The ingest API: batches, household changes, area events; limits and shock magnitudes validated at start-up.</summary>
    public static IServiceCollection AddIngest(this IServiceCollection services)
    {
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateOnStart();
        services.AddOptions<DisasterShockOptions>().BindConfiguration(DisasterShockOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestOptions>>(new OptionsValidator<IngestOptions>(o => o.Validate()));
        services.AddSingleton<IValidateOptions<DisasterShockOptions>>(new OptionsValidator<DisasterShockOptions>(o => o.Validate()));
        services.AddSingleton<IngestRunner>();
        services.AddSingleton<HouseholdBatch>();
        services.AddSingleton<HouseholdChanges>();
        services.AddSingleton<AreaEvents>();
        services.AddSingleton<AreaEventQueries>();
        return services;
    }

    /// <summary>Start-up validation from an options class's own <c>Validate()</c> list, every error reported.</summary>
    private sealed class OptionsValidator<T>(Func<T, IReadOnlyList<string>> validate) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            validate(options) is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
