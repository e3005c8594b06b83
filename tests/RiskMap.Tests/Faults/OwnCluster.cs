using Microsoft.Extensions.Logging.Abstractions;
using RiskMap.Server.Database;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Faults;

/// <summary>
/// A managed PostgreSQL cluster of a test's own (the server's ManagedPostgres, in a scratch folder),
/// which the test may kill like a crash and start again on the same port and data.
/// </summary>
internal sealed class OwnCluster : IAsyncDisposable
{
    private const string Database = "riskmap";
    private readonly string _root;
    private ManagedPostgres _pg;

    private OwnCluster(string root, ManagedPostgres pg)
    {
        _root = root;
        _pg = pg;
        Port = pg.Port;
    }

    public int Port { get; }

    /// <summary>Connects as the server does; the same string before and after a restart.</summary>
    public string ConnectionString => _pg.ConnectionString() + ";Timeout=5";

    /// <summary>The cluster's database as a test database (its tables, scalars), for set-up and checks.</summary>
    public TestDatabase Db { get; private set; } = null!;

    public static async Task<OwnCluster> StartAsync()
    {
        var root = TestPostgis.ScratchDirectory("own-cluster");
        var pg = await ManagedPostgres.StartAsync(root, Database, port: 0, TimeSpan.FromSeconds(60), NullLogger.Instance);
        var cluster = new OwnCluster(root, pg);
        cluster.Db = new TestDatabase(pg, Database);
        return cluster;
    }

    /// <summary>SIGKILL to the postmaster, as a crash or an OOM kill would: no shutdown, no checkpoint.</summary>
    public async Task KillAsync()
    {
        Posix.Signal(_pg.ProcessId, 9);
        await _pg.DisposeAsync(); // lets go of the owner lock; the process is gone already
    }

    /// <summary>Starts the cluster again where it was (crash recovery replays the WAL); retries while the dead server's backends still hold its memory.</summary>
    public async Task RestartAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                _pg = await ManagedPostgres.StartAsync(_root, Database, Port, TimeSpan.FromSeconds(60), NullLogger.Instance);
                // The test's own pool still holds connections to the dead server (the server under test finds out by itself).
                Db.DataSource.Clear();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline) { await Task.Delay(500); }
        }
    }

    public async ValueTask DisposeAsync() => await _pg.DisposeAsync();
}
