using Microsoft.Extensions.Options;
using Npgsql;

namespace RiskMap.Server.Database;

/// <summary>Which database the server talks to, and whether it is the managed local cluster.</summary>
public sealed record DatabaseEndpoint(string ConnectionString, ManagedPostgres? Managed)
{
    public bool IsManaged => Managed is not null;
}

public static class DatabaseSetup
{
    /// <summary>
    /// One <see cref="NpgsqlDataSource"/> for the whole server: on <c>ConnectionStrings:RiskMap</c>
    /// when set, otherwise on a managed PostGIS cluster started here and stopped at shutdown.
    /// </summary>
    public static async Task AddDatabaseAsync(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Needed before the host exists (the cluster starts here), so validated here, not at host start.
        var options = DatabaseOptions.Read(builder.Configuration);
        var endpoint = await OpenEndpointAsync(builder.Configuration, options, builder.Environment.ContentRootPath, LoggerFactoryFor(builder));

        builder.Services.AddSingleton(endpoint);
        builder.Services.AddSingleton(sp => DataSourceFor(endpoint.ConnectionString, options.StatementTimeout, sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<MigrationRunner>();
        if (endpoint.Managed is not null)
            builder.Services.AddHostedService(_ => new ManagedPostgresLifetime(endpoint.Managed));
    }

    /// <summary>Connects to the configured database or starts the managed cluster; used by the server and by CLI verbs.</summary>
    public static async Task<DatabaseEndpoint> OpenEndpointAsync(IConfiguration configuration, DatabaseOptions options, string contentRoot, ILoggerFactory loggers, CancellationToken ct = default)
    {
        var configured = configuration.GetConnectionString("RiskMap");
        if (!string.IsNullOrWhiteSpace(configured))
            return new DatabaseEndpoint(configured, null);
        var root = Path.IsPathRooted(options.DataDirectory)
            ? options.DataDirectory
            : Path.Combine(RepositoryRoot(contentRoot), options.DataDirectory);
        var managed = await ManagedPostgres.StartAsync(root, options.ManagedDatabase, options.ManagedPort, options.StartTimeout,
            loggers.CreateLogger<ManagedPostgres>(), ct);
        return new DatabaseEndpoint(managed.ConnectionString(), managed);
    }

    /// <summary>Applies pending migrations before the server takes requests; a failure stops start-up.</summary>
    public static async Task<int> MigrateDatabaseAsync(this WebApplication app)
    {
        var runner = app.Services.GetRequiredService<MigrationRunner>();
        return await runner.ApplyAsync(app.Lifetime.ApplicationStopping);
    }

    /// <summary>
    /// The server's one data source on <paramref name="connectionString"/>, as every part of RiskMap
    /// (and its benchmarks) uses it.
    /// </summary>
    public static NpgsqlDataSource DataSourceFor(string connectionString, TimeSpan statementTimeout, ILoggerFactory? loggers = null)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // Applied to every connection: a slow query fails with a clear error instead of
            // holding a pooled connection (and a request thread) indefinitely.
            Options = $"-c statement_timeout={(int)statementTimeout.TotalMilliseconds}",
            ApplicationName = "riskmap",
            // No DISCARD ALL when a connection goes back to the pool: a pooled session keeps
            // the household writer's staging temp tables (emptied at every write and commit)
            // instead of dropping and re-creating them on every request, which cost ~150 ms a
            // write. Nothing else is session state: timeouts are set transaction-locally
            // (set_config(…, true), SET LOCAL), and the live relay UNLISTENs before returning
            // its connection.
            NoResetOnClose = true,
        };
        var builder = new NpgsqlDataSourceBuilder(csb.ConnectionString);
        if (loggers is not null) builder.UseLoggerFactory(loggers);
        return builder.Build();
    }

    /// <summary>The folder holding RiskMap.sln: <c>.riskmap/</c> lives there whichever folder the server runs from.</summary>
    public static string RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RiskMap.sln"))) return dir.FullName;
        return start;
    }

    private static ILoggerFactory LoggerFactoryFor(WebApplicationBuilder builder) =>
        LoggerFactory.Create(l => l.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true));
}

/// <summary>Stops the managed cluster after everything else has stopped (hosted services stop in reverse order).</summary>
internal sealed class ManagedPostgresLifetime(ManagedPostgres managed) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await managed.DisposeAsync();
}
