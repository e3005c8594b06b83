using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace RiskMap.Server.Database;

/// <summary>
/// A private PostgreSQL cluster with PostGIS under a folder of the project's: initdb on first
/// use, started on a free loopback port, adopted when already running, a stale postmaster.pid
/// after a crash cleared, stopped with a fast shutdown by whoever owns it. A real PostgreSQL.
/// </summary>
public sealed class ManagedPostgres : IAsyncDisposable
{
    private const string User = "riskmap";
    private readonly string _root;
    private readonly ILogger _log;
    private FileStream? _ownerLock;

    private ManagedPostgres(string root, int processId, int port, string password, string database, ILogger log)
    {
        _root = root;
        ProcessId = processId;
        Port = port;
        Password = password;
        Database = database;
        _log = log;
    }

    public int ProcessId { get; }
    public int Port { get; }
    public string Database { get; }
    internal string Password { get; }
    /// <summary>True when this process started (or took over) the server and stops it on dispose.</summary>
    public bool OwnsServer => _ownerLock is not null;
    public string DataDirectory => Path.Combine(_root, "data");
    public string LogFile => Path.Combine(_root, "postgres.log");

    public string ConnectionString(string? database = null) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Password = Password,
        Database = database ?? Database,
        // Npgsql keeps its own pool; a modest maximum leaves room for psql and a second instance.
        MaxPoolSize = 50,
    }.ConnectionString;

    /// <summary>Starts the cluster under <paramref name="root"/> (or joins the one already running there) and makes sure <paramref name="database"/> exists.</summary>
    public static async Task<ManagedPostgres> StartAsync(string root, string database, int port, TimeSpan startTimeout, ILogger log, CancellationToken ct = default)
    {
        root = Path.GetFullPath(root);
        Directory.CreateDirectory(root);
        var binaries = PostgresBinaries.Locate();
        var data = Path.Combine(root, "data");
        var password = await EnsurePasswordAsync(root, ct);
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
            await InitDbAsync(binaries, root, data, log, ct);

        var ownerLock = TryTakeOwnerLock(root);
        var pidFile = PostmasterPid.Read(data);
        if (pidFile is not null && pidFile.IsAlive(data))
        {
            // Running already: either another live RiskMap process owns it (lock held: we share it)
            // or its owner died without stopping it (lock free: we take it over and stop it later).
            log.LogInformation("Managed PostgreSQL already running (pid {Pid}, port {Port}); {Role}",
                pidFile.ProcessId, pidFile.Port, ownerLock is null ? "sharing it" : "taking it over");
            var adopted = new ManagedPostgres(root, pidFile.ProcessId, pidFile.Port, password, database, log) { _ownerLock = ownerLock };
            await adopted.WaitUntilReadyAsync(startTimeout, ct);
            await adopted.EnsureDatabaseAsync(ct);
            return adopted;
        }
        if (pidFile is not null)
        {
            log.LogWarning("Removing stale postmaster.pid (pid {Pid} is gone): the last run did not stop cleanly", pidFile.ProcessId);
            PostmasterPid.Delete(data);
        }
        ownerLock ??= TryTakeOwnerLock(root) ?? throw new ManagedPostgresException($"Another process holds {root}/owner.lock but no server is running there; stop it and retry.");

        var chosenPort = port > 0 ? port : FreeLoopbackPort();
        var pid = Launch(binaries, data, chosenPort, Path.Combine(root, "postgres.log"));
        var pg = new ManagedPostgres(root, pid, chosenPort, password, database, log) { _ownerLock = ownerLock };
        log.LogInformation("Started managed PostgreSQL {Version} (pid {Pid}) on 127.0.0.1:{Port}, data in {Data}", binaries.MajorVersion, pid, chosenPort, data);
        try
        {
            await pg.WaitUntilReadyAsync(startTimeout, ct);
            await pg.EnsureDatabaseAsync(ct);
        }
        catch
        {
            await pg.DisposeAsync();
            throw;
        }
        return pg;
    }

    /// <summary>Fast shutdown (SIGINT: roll back open transactions, checkpoint, exit) when this process owns the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownerLock is null) return;
        try
        {
            if (Posix.Signal(ProcessId, Posix.SigInt))
            {
                if (!await WaitForExitAsync(TimeSpan.FromSeconds(30)))
                {
                    _log.LogWarning("PostgreSQL (pid {Pid}) did not stop within 30 s; sending SIGQUIT", ProcessId);
                    Posix.Signal(ProcessId, Posix.SigQuit);
                    await WaitForExitAsync(TimeSpan.FromSeconds(10));
                }
                _log.LogInformation("Stopped managed PostgreSQL (pid {Pid})", ProcessId);
            }
        }
        finally
        {
            _ownerLock.Dispose();
            _ownerLock = null;
        }
    }

    private async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (!Directory.Exists($"/proc/{ProcessId}") || IsZombie(ProcessId)) return true;
            await Task.Delay(50);
        }
        return false;
    }

    private static bool IsZombie(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/stat").Split(')').Last().TrimStart().StartsWith('Z'); }
        catch (IOException) { return true; }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < timeout)
        {
            ct.ThrowIfCancellationRequested();
            if (!Directory.Exists($"/proc/{ProcessId}") || IsZombie(ProcessId))
                throw new ManagedPostgresException($"PostgreSQL exited during start-up. Last lines of {LogFile}:\n{Tail(LogFile, 15)}");
            try
            {
                await using var conn = new NpgsqlConnection(ConnectionString("postgres") + ";Timeout=2;Pooling=false");
                await conn.OpenAsync(ct);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
            {
                last = e;
                await Task.Delay(100, ct);
            }
        }
        throw new ManagedPostgresException($"PostgreSQL did not accept connections within {timeout.TotalSeconds:0} s ({last?.Message}). Log: {LogFile}\n{Tail(LogFile, 15)}", last);
    }

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn) { Parameters = { new() { Value = Database } } };
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        // CREATE DATABASE takes no bind parameters; the name comes from server configuration only.
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Database.Replace("\"", "\"\"")}\"", conn);
        await create.ExecuteNonQueryAsync(ct);
        _log.LogInformation("Created database {Database}", Database);
    }

    private static int Launch(PostgresBinaries binaries, string data, int port, string logFile)
    {
        // postgres refuses to run as root. As root we run it in a user namespace where it is
        // uid 1000, which maps back to root: the files stay root's, inside the project folder,
        // with no system user to create and no permissions to change on the folders above.
        // setsid: its own session, so a Ctrl-C meant for the server does not stop the database
        // under it; the server stops it after its own graceful shutdown.
        var command = new List<string> { "setsid" };
        if (Posix.IsRoot) command.AddRange(["unshare", "--user", "--map-user=1000", "--map-group=1000", "--"]);
        command.AddRange([binaries.Postgres, "-D", data, "-c", $"port={port}", "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="]);
        // Minimal WAL: a table emptied or created in a transaction (the bulk loader TRUNCATEs
        // first) and the indexes built in it write no WAL; their files are fsynced at commit
        // instead. Still crash-safe, old data or new (PostgreSQL 13+); what is lost is streaming
        // replication and point-in-time recovery, which a local managed cluster does not offer.
        // An external database keeps its own settings. Given here rather than in ServerSettings
        // so clusters initialised before get it too, and because the two must agree: a server
        // with wal_level = minimal and max_wal_senders > 0 refuses to start.
        command.AddRange(["-c", "wal_level=minimal", "-c", "max_wal_senders=0"]);
        // The shell only redirects and then execs, so the pid we get is the server's own and the
        // server writes its log straight to the file, whether or not we live on.
        var psi = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("exec \"$@\" </dev/null >>\"$RISKMAP_PG_LOG\" 2>&1");
        psi.ArgumentList.Add("sh");
        foreach (var arg in command) psi.ArgumentList.Add(arg);
        psi.Environment["RISKMAP_PG_LOG"] = logFile;
        using var process = Process.Start(psi) ?? throw new ManagedPostgresException("Could not start postgres");
        return process.Id;
    }

    private static async Task InitDbAsync(PostgresBinaries binaries, string root, string data, ILogger log, CancellationToken ct)
    {
        // initdb into a scratch folder and rename, so a crash mid-initdb leaves no half cluster.
        var scratch = Path.Combine(root, "data.initdb");
        if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        var args = new List<string>();
        if (Posix.IsRoot) args.AddRange(["unshare", "--user", "--map-user=1000", "--map-group=1000", "--"]);
        args.AddRange([binaries.InitDb, "-D", scratch, "-U", User, "--auth=scram-sha-256", $"--pwfile={Path.Combine(root, "password")}",
            "-E", "UTF8", "--locale=C.UTF-8"]);
        var psi = new ProcessStartInfo(args[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args.Skip(1)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new ManagedPostgresException("Could not run initdb");
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0)
            throw new ManagedPostgresException($"initdb failed ({p.ExitCode}): {await stderr}{await stdout}");
        await File.AppendAllTextAsync(Path.Combine(scratch, "postgresql.auto.conf"), ServerSettings, ct);
        Directory.Move(scratch, data);
        log.LogInformation("Initialised a new PostgreSQL {Version} cluster in {Data}", binaries.MajorVersion, data);
    }

    // Sized for a 2-core, 24 GB machine holding up to ~10 M households. synchronous_commit stays
    // on: what the API answers "accepted" must survive a crash.
    private const string ServerSettings = """

        # RiskMap managed cluster settings
        shared_buffers = '1GB'
        work_mem = '32MB'
        maintenance_work_mem = '1GB'
        max_wal_size = '4GB'
        checkpoint_timeout = '15min'
        max_connections = 200
        random_page_cost = 1.1
        effective_cache_size = '8GB'
        log_min_duration_statement = '2s'
        """;

    private static async Task<string> EnsurePasswordAsync(string root, CancellationToken ct)
    {
        var path = Path.Combine(root, "password");
        if (File.Exists(path)) return (await File.ReadAllTextAsync(path, ct)).Trim();
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        await File.WriteAllTextAsync(path, password + "\n", ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return password;
    }

    private static FileStream? TryTakeOwnerLock(string root)
    {
        try
        {
            return new FileStream(Path.Combine(root, "owner.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Tail(string path, int lines) =>
        File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(lines)) : "(no log)";
}
