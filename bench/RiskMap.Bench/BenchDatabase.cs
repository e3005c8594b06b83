using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RiskMap.Server.Database;

namespace RiskMap.Bench;

/// <summary>A throwaway managed PostGIS cluster for one benchmark run, with fresh migrated databases on demand.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly ManagedPostgres _cluster;
    private readonly string _root;

    private BenchDatabase(ManagedPostgres cluster, string root)
    {
        _cluster = cluster;
        _root = root;
    }

    public static async Task<BenchDatabase> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), $"riskmap-bench-{Environment.ProcessId}");
        var cluster = await ManagedPostgres.StartAsync(root, "postgres", 0, TimeSpan.FromSeconds(60), NullLogger.Instance);
        return new BenchDatabase(cluster, root);
    }

    /// <summary>A new database with every migration applied.</summary>
    public async Task<NpgsqlDataSource> CreateAsync(string name)
    {
        await using (var admin = new NpgsqlConnection(_cluster.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE); CREATE DATABASE {name}", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        var db = RiskMap.Server.Database.DatabaseSetup.DataSourceFor(_cluster.ConnectionString(name), TimeSpan.FromMinutes(30));
        await new MigrationRunner(db, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
