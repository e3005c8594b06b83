using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RiskMap.Server.Database;

namespace RiskMap.Tests.Infrastructure;

/// <summary>
/// One throwaway managed PostGIS cluster per test run (the server's own managed-cluster code),
/// with a migrated template database. Each test gets a fresh database cloned from the template,
/// so no test sees rows another test wrote.
/// </summary>
public static class TestPostgis
{
    private const string Template = "riskmap_template";
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static readonly Lazy<Task<ManagedPostgres>> Cluster = new(StartAsync);
    private static string? _root;

    /// <summary>A new database with every migration applied; dropped when disposed.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync(CancellationToken ct = default)
    {
        var cluster = await Cluster.Value;
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using var admin = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await admin.OpenAsync(ct);
        // CREATE DATABASE … TEMPLATE needs the template to have no other sessions: one at a time.
        await TemplateLock.WaitAsync(ct);
        try
        {
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {Template}", admin);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        finally { TemplateLock.Release(); }
        return new TestDatabase(cluster, name);
    }

    /// <summary>A new empty database (no migrations), for tests of the migration runner itself.</summary>
    public static async Task<TestDatabase> CreateEmptyDatabaseAsync(CancellationToken ct = default)
    {
        var cluster = await Cluster.Value;
        var name = "e_" + Guid.NewGuid().ToString("N")[..16];
        await using var admin = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await admin.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await cmd.ExecuteNonQueryAsync(ct);
        return new TestDatabase(cluster, name);
    }

    /// <summary>A fresh folder for tests that start clusters of their own; removed at the end of the run.</summary>
    public static string ScratchDirectory(string purpose)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"riskmap-tests-{Environment.ProcessId}", purpose + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>
    /// Removes what earlier test runs left behind (a test host that is killed, or ends before its
    /// exit handler finishes, leaves its clusters): stops any server still running in a folder
    /// whose owning process is gone, then deletes the folder.
    /// </summary>
    private static void SweepStaleRuns()
    {
        foreach (var run in Directory.GetDirectories(Path.GetTempPath(), "riskmap-tests-*"))
        {
            if (!int.TryParse(Path.GetFileName(run)["riskmap-tests-".Length..], out var owner) || owner == Environment.ProcessId) continue;
            if (Directory.Exists($"/proc/{owner}")) continue;
            foreach (var pidFile in Directory.EnumerateFiles(run, "postmaster.pid", SearchOption.AllDirectories))
            {
                if (!int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)) continue;
                try { System.Diagnostics.Process.GetProcessById(pid).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
            }
            try { Directory.Delete(run, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static async Task<ManagedPostgres> StartAsync()
    {
        SweepStaleRuns();
        _root = Path.Combine(Path.GetTempPath(), $"riskmap-tests-{Environment.ProcessId}", "cluster");
        var cluster = await ManagedPostgres.StartAsync(_root, Template, port: 0, TimeSpan.FromSeconds(60), NullLogger.Instance);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(20));
            try { Directory.Delete(Path.GetDirectoryName(_root!)!, recursive: true); } catch (IOException) { }
        };
        await using var db = NpgsqlDataSource.Create(cluster.ConnectionString(Template));
        await new MigrationRunner(db, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        NpgsqlConnection.ClearAllPools(); // the template must have no open sessions to be copied
        return cluster;
    }
}

/// <summary>A database owned by one test.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ManagedPostgres _cluster;

    internal TestDatabase(ManagedPostgres cluster, string name)
    {
        _cluster = cluster;
        Name = name;
        ConnectionString = cluster.ConnectionString(name);
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public string Name { get; }
    public string ConnectionString { get; }
    public NpgsqlDataSource DataSource { get; }

    public async Task<T?> ScalarAsync<T>(string sql, params object[] args)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        foreach (var a in args) cmd.Parameters.Add(new() { Value = a });
        var value = await cmd.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async Task ExecuteAsync(string sql, params object[] args)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        foreach (var a in args) cmd.Parameters.Add(new() { Value = a });
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_cluster.ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>Collects log lines so a test can assert what the server said.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    public List<string> Lines { get; } = [];
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => true;
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines) Lines.Add(formatter(state, exception));
    }
}
