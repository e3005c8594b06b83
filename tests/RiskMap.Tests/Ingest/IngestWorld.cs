using RiskMap.Geodata.Domain;
using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Ingest;

/// <summary>
/// A test's own database with the small 昭觉县 hierarchy and the households it wrote, and the server in
/// memory on it; <see cref="Client"/> is a data officer of the whole country.
/// </summary>
internal sealed class IngestWorld(TestDatabase db, RiskMapFactory factory, HttpClient client) : IAsyncDisposable
{
    public TestDatabase Db => db;
    public RiskMapFactory Factory => factory;
    public HttpClient Client { get; } = client;

    public static async Task<IngestWorld> StartAsync(params Household[] households) => await StartAsync(null, households);

    public static async Task<IngestWorld> StartAsync(IReadOnlyDictionary<string, string?>? settings, params Household[] households)
    {
        var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        if (households.Length > 0)
            await using (var services = await TestServices.CreateAsync(db, new ManualTimeProvider(DateTimeOffset.UtcNow)))
                await services.WriteAsync(households);
        var factory = new RiskMapFactory(db.ConnectionString, settings);
        return new IngestWorld(db, factory, await factory.CreateClientAsync(Role.DataOfficer));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await factory.DisposeAsync();
        await db.DisposeAsync();
    }
}
