using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RiskMap.Server.Demo;
using RiskMap.Server.Households;
using RiskMap.Server.Regions;
using RiskMap.Server.Statistics;

namespace RiskMap.Tests.Infrastructure;

/// <summary>The server's household and statistics services on a test's database and clock, without a web host.</summary>
public sealed class TestServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private TestServices(ServiceProvider provider) => _provider = provider;

    /// <param name="db">The test's database.</param>
    /// <param name="time">The test's clock.</param>
    /// <param name="settings">Configuration values (e.g. "Alerts:PendingPeriod"), else the options classes' defaults.</param>
    public static async Task<TestServices> CreateAsync(TestDatabase db, TimeProvider time, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build()
            as Microsoft.Extensions.Configuration.IConfiguration);
        services.AddSingleton(db.DataSource);
        services.AddHouseholdsAndStatistics();
        services.AddDemo();
        services.AddRegions();
        services.AddSingleton(time);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<PolicyTableSource>().ReloadAsync(CancellationToken.None);
        return new TestServices(provider);
    }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Writes households in one transaction, as the ingest path does.</summary>
    public async Task<HouseholdWriteResult> WriteAsync(params RiskMap.Geodata.Domain.Household[] households)
    {
        await using var conn = await Get<NpgsqlDataSource>().OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var result = await Get<HouseholdWriter>().UpsertAsync(conn, tx, households, CancellationToken.None);
        await tx.CommitAsync();
        return result;
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
