using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Geodata.Importing;
using RiskMap.Server.Exports;
using RiskMap.Server.Households;
using RiskMap.Server.Imports;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Imports;

/// <summary>The server's import and export services on a test's database and clock, without a web host.</summary>
public sealed class ImportServices : IAsyncDisposable
{
    /// <summary>The clock every import test runs at: a Tuesday in 2025, China time 10:00.</summary>
    public static readonly DateTimeOffset Now = new(2025, 11, 18, 2, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    private ImportServices(ServiceProvider provider) => _provider = provider;

    public static async Task<ImportServices> CreateAsync(TestDatabase db, int batchSize = 5_000)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Imports:BatchSize"] = batchSize.ToString() })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(db.DataSource);
        services.AddHouseholdsAndStatistics();
        RiskMap.Server.Regions.RegionRegistration.AddRegions(services);
        services.AddImports();
        services.AddSingleton<TimeProvider>(new ManualTimeProvider(Now));
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<PolicyTableSource>().ReloadAsync(CancellationToken.None);
        return new ImportServices(provider);
    }

    public async Task<ImportSummary> ImportHouseholdsAsync(string path, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        using var input = await ImportInput.FromFileAsync(path, ct);
        return await _provider.GetRequiredService<HouseholdImporter>().RunAsync(input, ImportSender.Cli, progress, ct);
    }

    public async Task<ImportSummary> ImportBoundariesAsync(string path)
    {
        using var input = await ImportInput.FromFileAsync(path, CancellationToken.None);
        return await _provider.GetRequiredService<BoundaryImporter>().RunAsync(input, ImportSender.Cli, CancellationToken.None);
    }

    public Task<ExportSummary> ExportAsync(string directory) =>
        _provider.GetRequiredService<DataExporter>().WriteAsync(directory, CancellationToken.None);

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}

/// <summary>Import files: the kept broken ones under Files/, and ones a test writes for itself.</summary>
public static class ImportFiles
{
    public static string Kept(string name) => Path.Combine(AppContext.BaseDirectory, "Imports", "Files", name);

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to a scratch file the test owns.</summary>
    public static string Write(string name, string text)
    {
        var path = Path.Combine(TestPostgis.ScratchDirectory("imports"), name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The rejects of a summary keyed by line, for assertions.</summary>
    public static ILookup<int, ImportRejectDto> ByLine(this ImportSummary summary) => summary.Rejects.ToLookup(r => r.Line);
}
