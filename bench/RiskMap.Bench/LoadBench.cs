using System.Diagnostics;
using RiskMap.Geodata.Divisions;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Generation;
using RiskMap.Geodata.Loading;

namespace RiskMap.Bench;

/// <summary>
/// Issue 3's goal: the bulk loader's household rate (COPY with indexes and foreign keys rebuilt
/// after the rows are in) next to a plain binary COPY of the same rows, encoded the same way,
/// into the same indexed table, measured in the same run.
/// </summary>
public static class LoadBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var scale = Option(args, "--scale", 0.685); // ≈ 1 M households for Liangshan
        var runs = (int)Option(args, "--runs", 3);
        var root = new UnitCode((long)Option(args, "--root", 513400000000));
        var clock = Stopwatch.StartNew();
        var set = ScenarioGenerator.Generate(DivisionCatalog.Load(), new ScenarioOptions { Root = root, Scale = scale, AsOf = new DateOnly(2026, 11, 20), MonitoringLine = 8000 });
        var generation = clock.Elapsed;
        Console.WriteLine($"generated {set.HouseholdCount:N0} households, {set.Map.Units.Count:N0} units in {generation.TotalSeconds:0.0} s");
        var withoutHouseholds = set with { Counties = set.Counties.Select(c => c with { Households = [] }).ToList() };

        await using var cluster = await BenchDatabase.StartAsync();
        var plain = new List<double>();
        var riskmap = new List<double>();
        var total = new List<double>();
        var plainCpu = new List<double>();
        var riskmapCpu = new List<double>();
        var self = System.Diagnostics.Process.GetCurrentProcess();
        TimeSpan Cpu() { self.Refresh(); return cluster.ServerCpu() + self.TotalProcessorTime; }
        TimeSpan ClientCpu() { self.Refresh(); return self.TotalProcessorTime; }
        for (var run = 1; run <= runs; run++)
        {
            // baseline: units and sites in place, indexes and foreign keys live, one COPY of the households
            var baseDb = await cluster.CreateAsync($"plain_{run}");
            await BulkLoader.LoadAsync(baseDb, withoutHouseholds, CancellationToken.None);
            await using (var conn = await baseDb.OpenConnectionAsync())
            await using (var tx = await conn.BeginTransactionAsync())
            {
                var cpu = Cpu();
                clock.Restart();
                await BulkLoader.CopyHouseholdsAsync(conn, set, CancellationToken.None);
                await tx.CommitAsync();
                plain.Add(set.HouseholdCount / clock.Elapsed.TotalSeconds);
                plainCpu.Add((Cpu() - cpu).TotalSeconds);
            }
            await baseDb.DisposeAsync();

            // RiskMap's loader: the whole dataset; households counted with the index and key rebuild
            var db = await cluster.CreateAsync($"load_{run}");
            var before = Cpu();
            var clientBefore = ClientCpu();
            var summary = await BulkLoader.LoadAsync(db, set, CancellationToken.None);
            riskmapCpu.Add((Cpu() - before).TotalSeconds);
            var clientCpu = (ClientCpu() - clientBefore).TotalSeconds;
            var householdTime = summary.Stages.Where(s => s.Stage is "households" or "indexes and foreign keys" or "commit").Sum(s => s.Elapsed.TotalSeconds);
            riskmap.Add(set.HouseholdCount / householdTime);
            total.Add(summary.Elapsed.TotalSeconds);
            await db.DisposeAsync();
            Console.WriteLine($"run {run}: plain COPY {plain[^1]:N0} rows/s, loader {riskmap[^1]:N0} rows/s (whole load {total[^1]:0.0} s: {string.Join(", ", summary.Stages.Select(s => $"{s.Stage} {s.Elapsed.TotalSeconds:0.0}"))}); " +
                $"CPU (database + this process): plain COPY {plainCpu[^1]:0.0} s, whole load {riskmapCpu[^1]:0.0} s (this process {clientCpu:0.0} s); load average {LoadAverage()}");
        }
        Console.WriteLine();
        Console.WriteLine("| households | generation (s) | plain COPY, indexed table (rows/s) | bulk loader, indexes after (rows/s) | ratio | whole load (s) | CPU: plain COPY / whole load (s) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {set.HouseholdCount:N0} | {generation.TotalSeconds:0.0} | {Median(plain):N0} | {Median(riskmap):N0} | {Median(riskmap) / Median(plain):0.00} | {Median(total):0.0} | {Median(plainCpu):0.0} / {Median(riskmapCpu):0.0} |");
        return 0;
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && double.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}
