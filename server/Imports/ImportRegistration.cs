using RiskMap.Server.Exports;

namespace RiskMap.Server.Imports;

public static class ImportRegistration
{
    /// <summary>Households and boundaries imports, their summaries, the export and its audit.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section)
            .Validate(o => o.BatchSize > 0, "Imports:BatchSize must be positive")
            .Validate(o => o.MaxUploadBytes > 0, "Imports:MaxUploadBytes must be positive")
            .Validate(o => o.SummaryListLength >= 0, "Imports:SummaryListLength must not be negative")
            .Validate(o => o.StatementTimeout >= TimeSpan.Zero, "Imports:StatementTimeout must not be negative")
            .ValidateOnStart();
        services.AddSingleton<ImportQueries>();
        services.AddSingleton<HouseholdImporter>();
        services.AddSingleton<BoundaryImporter>();
        services.AddSingleton<DataExporter>();
        services.AddSingleton<ExportAudit>();
        return services;
    }
}
