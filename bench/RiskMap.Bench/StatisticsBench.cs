using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Demo;
using RiskMap.Server.Households;
using RiskMap.Server.Regions;
using RiskMap.Server.Statistics;

namespace RiskMap.Bench;

/// <summary>
/// Issue 4's goals: household updates per second with incremental statistics, next to a plain
/// binary COPY of the same rows into the same indexed table measured in the same run; and the
/// time of a full statistics rebuild over Liangshan's units.
/// </summary>
public static class StatisticsBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var households = Option(args, "--households", 200_000);
        var batch = Option(args, "--batch", 5_000);
        var runs = Option(args, "--runs", 3);
        var region = SyntheticRegion.Liangshan();
        await using var cluster = await BenchDatabase.StartAsync();
        var copyRates = new List<double>();
        var updateRates = new List<double>();
        var rebuildSeconds = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var random = new Random(run);
            var today = new DateOnly(2026, 11, 20);
            var villages = region.Villages;
            var initial = Enumerable.Range(0, households).Select(i => SyntheticRegion.RandomHousehold(random, $"H{i:D8}", villages[i % villages.Length], today)).ToList();
            // A survey revises incomes, status and help; the household stays where it lives.
            var updates = initial.Select(h => SyntheticRegion.RandomHousehold(random, h.HouseholdId, h.VillageCode.Value, today) with { Lon = h.Lon, Lat = h.Lat, RiskTypes = h.RiskTypes }).ToList();

            // baseline: plain COPY of the finished rows into the indexed table
            var copyDb = await cluster.CreateAsync($"copy_{run}");
            await region.InsertUnitsAsync(copyDb);
            await using (var copyServices = await ServicesAsync(copyDb))
            {
                var assessor = copyServices.GetRequiredService<HouseholdAssessor>();
                var rows = updates.Select(h => assessor.Assess(h, today)).ToList();
                var clock = Stopwatch.StartNew();
                await PlainCopy.LoadAsync(copyDb, rows);
                copyRates.Add(households / clock.Elapsed.TotalSeconds);
            }
            await copyDb.DisposeAsync();

            // RiskMap: the same number of rows as updates through the household writer, statistics kept incrementally
            var db = await cluster.CreateAsync($"write_{run}");
            await region.InsertUnitsAsync(db);
            await using (var services = await ServicesAsync(db))
            {
                var assessor = services.GetRequiredService<HouseholdAssessor>();
                await PlainCopy.LoadAsync(db, initial.Select(h => assessor.Assess(h, today)).ToList());
                await services.GetRequiredService<StatisticsRebuild>().RunAsync(CancellationToken.None);
                await Analyze(db);
                var writer = services.GetRequiredService<HouseholdWriter>();
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < updates.Count; i += batch)
                {
                    await using var conn = await db.OpenConnectionAsync();
                    await using var tx = await conn.BeginTransactionAsync();
                    await writer.UpsertAsync(conn, tx, updates.GetRange(i, Math.Min(batch, updates.Count - i)), CancellationToken.None);
                    await tx.CommitAsync();
                }
                updateRates.Add(households / clock.Elapsed.TotalSeconds);

                clock.Restart();
                await services.GetRequiredService<StatisticsRebuild>().RunAsync(CancellationToken.None);
                rebuildSeconds.Add(clock.Elapsed.TotalSeconds);
            }
            await db.DisposeAsync();
            Console.WriteLine($"run {run}: copy {copyRates[^1]:N0} rows/s, updates {updateRates[^1]:N0} rows/s, rebuild {rebuildSeconds[^1]:0.00} s");
        }
        var copy = Median(copyRates);
        var update = Median(updateRates);
        Console.WriteLine();
        Console.WriteLine($"| households | batch | plain COPY (rows/s) | updates with incremental statistics (rows/s) | ratio | statistics rebuild (s) |");
        Console.WriteLine($"|---|---|---|---|---|---|");
        Console.WriteLine($"| {households:N0} | {batch:N0} | {copy:N0} | {update:N0} | {update / copy:0.00} | {Median(rebuildSeconds):0.00} |");
        return 0;
    }

    /// <summary>The server's household, statistics, demo and region services on a benchmark database.</summary>
    internal static async Task<ServiceProvider> ServicesAsync(NpgsqlDataSource db)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(db);
        services.AddHouseholdsAndStatistics();
        services.AddDemo();
        services.AddRegions();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<PolicyTableSource>().ReloadAsync(CancellationToken.None);
        return provider;
    }

    private static async Task Analyze(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand("ANALYZE");
        await cmd.ExecuteNonQueryAsync();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}
