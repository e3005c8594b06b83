using RiskMap.Geodata.Domain;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Ingest;

/// <summary>A test's own database with the small 昭觉县 hierarchy and the households it wrote, and the server in memory on it.</summary>
internal sealed class IngestWorld(TestDatabase db, RiskMapFactory factory) : IAsyncDisposable
{
    public TestDatabase Db => db;
    public HttpClient Client { get; } = factory.CreateClient();

    public static async Task<IngestWorld> StartAsync(params Household[] households) => await StartAsync(null, households);

    public static async Task<IngestWorld> StartAsync(IReadOnlyDictionary<string, string?>? settings, params Household[] households)
    {
        var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        if (households.Length > 0)
            await using (var services = await TestServices.CreateAsync(db, new ManualTimeProvider(DateTimeOffset.UtcNow)))
                await services.WriteAsync(households);
        return new IngestWorld(db, new RiskMapFactory(db.ConnectionString, settings));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await factory.DisposeAsync();
        await db.DisposeAsync();
    }
}
