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

    /// <summary>
    /// CPU time the cluster has used so far: the postmaster and its live children, plus the
    /// children that exited (parallel workers, connections closed), which the kernel adds to the
    /// postmaster's own account when it reaps them. On a shared machine this says what the
    /// database did, whatever the others on it did meanwhile.
    /// </summary>
    public TimeSpan ServerCpu()
    {
        var ticks = Ticks(_cluster.ProcessId, withChildren: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')').Last().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (int.Parse(fields[1]) == _cluster.ProcessId) ticks += Ticks(pid, withChildren: false);
            }
            catch (IOException) { } // ended meanwhile
        }
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ
    }

    private static long Ticks(int pid, bool withChildren)
    {
        // After the command name: state ppid … utime(14) stime(15) cutime(16) cstime(17), here from index 0 = state.
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')').Last().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var own = long.Parse(fields[11]) + long.Parse(fields[12]);
        return withChildren ? own + long.Parse(fields[13]) + long.Parse(fields[14]) : own;
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
