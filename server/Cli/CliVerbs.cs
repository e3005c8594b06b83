using System.Diagnostics;
using Npgsql;
using RiskMap.Server.Database;

namespace RiskMap.Server.Cli;

/// <summary>
/// Verbs run by <c>./riskmap</c> through the server executable, so they use the same
/// configuration and the same managed cluster as the server.
/// </summary>
public static class CliVerbs
{
    private static readonly string[] Verbs = ["psql", "migrate"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Skip(1).Where(a => a.StartsWith("--")).ToArray())
            .Build();
        using var loggers = LoggerFactory.Create(l => l.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true));
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        try
        {
            var endpoint = await DatabaseSetup.OpenEndpointAsync(configuration, options, Directory.GetCurrentDirectory(), loggers);
            await using var managed = endpoint.Managed;
            await using var db = NpgsqlDataSource.Create(endpoint.ConnectionString);
            await new MigrationRunner(db, loggers.CreateLogger<MigrationRunner>()).ApplyAsync(CancellationToken.None);
            return args[0] switch
            {
                "psql" => await PsqlAsync(endpoint, args.Skip(1).Where(a => !a.StartsWith("--")).ToArray()),
                _ => 0,
            };
        }
        catch (Exception e) when (e is ManagedPostgresException or MigrationFailedException or NpgsqlException)
        {
            Console.Error.WriteLine($"riskmap: {e.Message}");
            return 1;
        }
    }

    /// <summary>psql on the database RiskMap uses; the password travels in the environment, not the command line.</summary>
    private static async Task<int> PsqlAsync(DatabaseEndpoint endpoint, string[] extra)
    {
        var csb = new NpgsqlConnectionStringBuilder(endpoint.ConnectionString);
        var psi = new ProcessStartInfo("psql") { UseShellExecute = false };
        psi.Environment["PGHOST"] = csb.Host;
        psi.Environment["PGPORT"] = csb.Port.ToString();
        psi.Environment["PGUSER"] = csb.Username;
        psi.Environment["PGDATABASE"] = csb.Database;
        if (csb.Password is not null) psi.Environment["PGPASSWORD"] = csb.Password;
        foreach (var a in extra) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start psql");
        await p.WaitForExitAsync();
        return p.ExitCode;
    }
}
