using System.Diagnostics;
using Npgsql;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;
using RiskMap.Server.Demo;
using RiskMap.Server.Households;
using RiskMap.Server.Imports;
using RiskMap.Server.Regions;
using RiskMap.Server.Statistics;

namespace RiskMap.Server.Cli;

/// <summary>
/// Verbs run by <c>./riskmap</c> through the server executable, so they use the same
/// configuration, services and managed cluster as the server.
/// </summary>
public static class CliVerbs
{
    private static readonly string[] Verbs = ["psql", "migrate", "rebuild", "import", "export", "users", "rules"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var (rest, configuration) = SplitArguments(args.Skip(1).ToArray());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configuration,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // A verb's own output (psql's rows, an export's summary) is stdout; its log goes to stderr.
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        using var loggers = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddConfiguration(builder.Configuration.GetSection("Logging")));
        try
        {
            var endpoint = await DatabaseSetup.OpenEndpointAsync(builder.Configuration, DatabaseOptions.Read(builder.Configuration), Directory.GetCurrentDirectory(), loggers);
            await using var managed = endpoint.Managed;
            builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(endpoint.ConnectionString));
            builder.Services.AddSingleton<MigrationRunner>();
            builder.Services.AddHouseholdsAndStatistics();
            builder.Services.AddImports();
            builder.Services.AddAccounts();
            builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
            builder.Services.AddRegions();
            using var host = builder.Build();
            await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);
            await host.Services.GetRequiredService<PolicyTableSource>().ReloadAsync(CancellationToken.None);
            return args[0] switch
            {
                "psql" => await PsqlAsync(endpoint, rest),
                "rebuild" => await RebuildAsync(host.Services),
                "import" => await DataVerbs.ImportAsync(host.Services, rest),
                "export" => await DataVerbs.ExportAsync(host.Services, rest),
                "users" => await UserVerbs.RunAsync(host.Services, rest),
                "rules" => await RuleVerbs.RunAsync(host.Services, rest),
                _ => 0,
            };
        }
        catch (Exception e) when (StartupFailure.IsKnown(e))
        {
            Console.Error.WriteLine($"riskmap: {StartupFailure.Describe(e)}");
            return 1;
        }
    }

    /// <summary>
    /// Options of the verbs themselves (<c>--out DIR</c>, <c>--role R</c>, …) and positional arguments,
    /// apart from <c>--Key=value</c> settings, which go to the configuration as they do for the server.
    /// </summary>
    private static (string[] Positional, string[] Configuration) SplitArguments(string[] args)
    {
        var rest = new List<string>();
        var configuration = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i].Split('=', 2)[0];
            if (args[i] == "--out" && i + 1 < args.Length) rest.AddRange(["--out", args[++i]]);
            else if (args[i].StartsWith("--out=")) rest.AddRange(["--out", args[i]["--out=".Length..]]);
            else if (UserVerbs.Options.TryGetValue(name, out var takesValue) || RuleVerbs.Options.TryGetValue(name, out takesValue))
            {
                rest.Add(args[i]);
                if (takesValue && !args[i].Contains('=') && i + 1 < args.Length) rest.Add(args[++i]);
            }
            else if (args[i].StartsWith("--")) configuration.Add(args[i]);
            else rest.Add(args[i]);
        }
        return (rest.ToArray(), configuration.ToArray());
    }

    /// <summary>Re-assesses every household, then recomputes every unit's, site's and saved region's figures.</summary>
    private static async Task<int> RebuildAsync(IServiceProvider services)
    {
        var clock = Stopwatch.StartNew();
        var households = await services.GetRequiredService<RiskRebuild>().RunAsync(CancellationToken.None);
        var assessing = clock.Elapsed;
        var changed = await services.GetRequiredService<StatisticsRebuild>().RunAsync(CancellationToken.None);
        var regions = await services.GetRequiredService<WatchRegionFigures>().RefreshAllAsync(services.GetRequiredService<NpgsqlDataSource>(), CancellationToken.None);
        Console.WriteLine($"riskmap: re-assessed {households} households ({assessing.TotalSeconds:0.0} s); " +
            $"{changed} units and sites and {regions.Count} saved regions changed figures ({(clock.Elapsed - assessing).TotalSeconds:0.0} s)");
        return 0;
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
