using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RiskMap.Server.Database;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Database;

public sealed class ManagedPostgresTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task FirstStart_InitialisesAClusterWithPostgis_AndCreatesTheDatabase()
    {
        var root = TestPostgis.ScratchDirectory("first-start");

        await using var pg = await ManagedPostgres.StartAsync(root, "first", 0, StartTimeout, NullLogger.Instance);

        Assert.True(pg.OwnsServer);
        Assert.True(File.Exists(Path.Combine(root, "data", "PG_VERSION")));
        await using var conn = new NpgsqlConnection(pg.ConnectionString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("CREATE EXTENSION postgis; SELECT current_database() || ' ' || postgis_lib_version()", conn);
        Assert.StartsWith("first 3.", (string)(await cmd.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Restart_KeepsTheDataAndStopsTheServerEachTime()
    {
        var root = TestPostgis.ScratchDirectory("restart");
        int firstPid;
        await using (var pg = await ManagedPostgres.StartAsync(root, "keep", 0, StartTimeout, NullLogger.Instance))
        {
            firstPid = pg.ProcessId;
            await ExecuteAsync(pg, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
        }
        Assert.True(IsGone(firstPid), "the first server process should have stopped (gone, or a zombie not yet reaped)");

        await using var again = await ManagedPostgres.StartAsync(root, "keep", 0, StartTimeout, NullLogger.Instance);

        Assert.NotEqual(firstPid, again.ProcessId);
        Assert.Equal("still here", await ScalarAsync(again, "SELECT v FROM kept"));
    }

    [Fact]
    public async Task KilledServer_LeavesAStalePidFile_AndTheNextStartRecoversCommittedData()
    {
        var root = TestPostgis.ScratchDirectory("crash");
        var pg = await ManagedPostgres.StartAsync(root, "crash", 0, StartTimeout, NullLogger.Instance);
        await ExecuteAsync(pg, "CREATE TABLE accepted (id int); INSERT INTO accepted SELECT generate_series(1, 1000)");
        System.Diagnostics.Process.GetProcessById(pg.ProcessId).Kill(); // SIGKILL: no shutdown checkpoint
        WaitGone(pg.ProcessId);
        Assert.True(File.Exists(Path.Combine(root, "data", "postmaster.pid")), "a killed server leaves its pid file behind");
        await pg.DisposeAsync(); // releases the owner lock; the process is already gone

        await using var recovered = await ManagedPostgres.StartAsync(root, "crash", 0, StartTimeout, NullLogger.Instance);

        Assert.Equal("1000", await ScalarAsync(recovered, "SELECT count(*)::text FROM accepted"));
    }

    [Fact]
    public async Task KilledServer_RecoversATableRefilledWithoutWal()
    {
        // With wal_level = minimal a table truncated and refilled in one transaction (the bulk
        // loader's pattern) writes no WAL: its files are fsynced at commit instead. Past
        // wal_skip_threshold (2 MB) none of its rows are in the WAL, so recovery must keep the
        // files as committed. (A killed server leaves the OS cache intact: this checks recovery,
        // not the fsync, which only a power cut would.)
        var root = TestPostgis.ScratchDirectory("crash-minimal-wal");
        var pg = await ManagedPostgres.StartAsync(root, "reload", 0, StartTimeout, NullLogger.Instance);
        Assert.Equal("minimal", await ScalarAsync(pg, "SHOW wal_level"));
        await ExecuteAsync(pg, "CREATE TABLE reloaded (id int PRIMARY KEY, pad text)");
        await ExecuteAsync(pg, "INSERT INTO reloaded SELECT i, 'old' FROM generate_series(1, 10) i");
        await ExecuteAsync(pg, """
            BEGIN;
            TRUNCATE reloaded;
            INSERT INTO reloaded SELECT i, repeat('x', 100) FROM generate_series(1, 100000) i;
            COMMIT;
            """);
        System.Diagnostics.Process.GetProcessById(pg.ProcessId).Kill(); // SIGKILL: no shutdown checkpoint
        WaitGone(pg.ProcessId);
        await pg.DisposeAsync();

        await using var recovered = await ManagedPostgres.StartAsync(root, "reload", 0, StartTimeout, NullLogger.Instance);

        Assert.Equal("100000", await ScalarAsync(recovered, "SELECT count(*)::text FROM reloaded"));
        // Every row is in the recovered index too (amcheck's heapallindexed).
        await ExecuteAsync(recovered, "CREATE EXTENSION amcheck; SELECT bt_index_check('reloaded_pkey', true)");
    }

    [Fact]
    public async Task SecondStarterWhileRunning_SharesTheServer_AndLeavesItRunningWhenDone()
    {
        var root = TestPostgis.ScratchDirectory("share");
        await using var owner = await ManagedPostgres.StartAsync(root, "shared", 0, StartTimeout, NullLogger.Instance);

        await using (var second = await ManagedPostgres.StartAsync(root, "shared", 0, StartTimeout, NullLogger.Instance))
        {
            Assert.False(second.OwnsServer);
            Assert.Equal(owner.ProcessId, second.ProcessId);
            Assert.Equal(owner.Port, second.Port);
        }

        Assert.Equal("1", await ScalarAsync(owner, "SELECT 1::text"));
    }

    [Fact]
    public void MissingPostgis_IsReportedWithTheAptCommand()
    {
        var lib = TestPostgis.ScratchDirectory("lib");
        var share = TestPostgis.ScratchDirectory("share");
        Directory.CreateDirectory(Path.Combine(lib, "15", "bin"));
        File.WriteAllText(Path.Combine(lib, "15", "bin", "postgres"), "");

        var error = Assert.Throws<ManagedPostgresException>(() => PostgresBinaries.Locate(lib, share));

        Assert.Contains("PostGIS is not", error.Message);
        Assert.Contains("apt-get install -y postgresql-15-postgis-3", error.Message);
    }

    [Fact]
    public void MissingPostgres_SaysHowToInstallItOrUseAnExistingServer()
    {
        var error = Assert.Throws<ManagedPostgresException>(() => PostgresBinaries.Locate(TestPostgis.ScratchDirectory("none"), "/nonexistent"));

        Assert.Contains("PostgreSQL is not installed", error.Message);
        Assert.Contains("ConnectionStrings__RiskMap", error.Message);
    }

    private static async Task ExecuteAsync(ManagedPostgres pg, string sql)
    {
        await using var conn = new NpgsqlConnection(pg.ConnectionString() + ";Pooling=false");
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ScalarAsync(ManagedPostgres pg, string sql)
    {
        await using var conn = new NpgsqlConnection(pg.ConnectionString() + ";Pooling=false");
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (string?)await cmd.ExecuteScalarAsync();
    }

    private static void WaitGone(int pid) =>
        Assert.True(SpinWait.SpinUntil(() => IsGone(pid), TimeSpan.FromSeconds(30)), $"process {pid} did not end");

    // The process can vanish between checking for its /proc entry and reading it.
    private static bool IsGone(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/stat").Contains(") Z"); }
        catch (IOException) { return true; }
    }
}
