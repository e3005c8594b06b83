using System.Diagnostics;
using RiskMap.Geodata.Importing;
using RiskMap.Server.Exports;
using RiskMap.Server.Imports;
using RiskMap.Server.Statistics;

namespace RiskMap.Server.Cli;

/// <summary>
/// <c>./riskmap import households|boundaries FILE</c> and <c>./riskmap export --out DIR</c>.
/// Exit codes: 0 done (rejected rows are listed, not failures), 1 the file is unusable as a
/// whole and nothing was loaded, 2 wrong arguments.
/// </summary>
public static class DataVerbs
{
    private const int RejectsShown = 20;

    public static async Task<int> ImportAsync(IServiceProvider services, string[] args)
    {
        if (args.Length != 2 || args[0] is not (ImportKind.Households or ImportKind.Boundaries))
            return Usage("usage: ./riskmap import households FILE.csv | ./riskmap import boundaries FILE.geojson");
        if (!File.Exists(args[1])) return Unusable($"no such file: {args[1]}");
        var clock = Stopwatch.StartNew();
        using var input = await ImportInput.FromFileAsync(args[1], CancellationToken.None);
        ImportSummary summary;
        try
        {
            summary = args[0] == ImportKind.Households
                ? await services.GetRequiredService<HouseholdImporter>().RunAsync(input, ImportSender.Cli, new ConsoleProgress(), CancellationToken.None)
                : await services.GetRequiredService<BoundaryImporter>().RunAsync(input, ImportSender.Cli, CancellationToken.None);
        }
        catch (ImportFileException e) { return Unusable($"{input.Source} not imported, nothing changed: {e.Message}"); }
        // Figures are current already; income medians are recomputed off the write path, do it now.
        if (!summary.Repeat) await services.GetRequiredService<MedianRefresher>().RefreshStaleAsync(CancellationToken.None);
        Print(summary, clock.Elapsed);
        return 0;
    }

    public static async Task<int> ExportAsync(IServiceProvider services, string[] args)
    {
        if (args.Length != 2 || args[0] != "--out") return Usage("usage: ./riskmap export --out DIR");
        var clock = Stopwatch.StartNew();
        var audit = services.GetRequiredService<ExportAudit>();
        var auditId = await audit.StartCliAsync($"export to {Path.GetFullPath(args[1])}: counties, townships, villages, sites .geojson, households.csv", CancellationToken.None);
        var summary = await services.GetRequiredService<DataExporter>().WriteAsync(args[1], CancellationToken.None);
        await audit.FinishAsync(auditId, summary.Files.Sum(f => f.Count), CancellationToken.None);
        foreach (var (file, count) in summary.Files)
            Console.WriteLine($"  {Path.Combine(args[1], file)}: {count:N0} {(file.EndsWith(".csv") ? "households" : "features")}");
        Console.WriteLine($"riskmap: exported to {Path.GetFullPath(args[1])} ({clock.Elapsed.TotalSeconds:0.0} s)");
        return 0;
    }

    private static void Print(ImportSummary s, TimeSpan elapsed)
    {
        var unit = s.Kind == ImportKind.Households ? "line" : "feature";
        if (s.Repeat)
            Console.WriteLine($"riskmap: {s.Source} has the same content as import {s.ImportId} of {s.FinishedAt:yyyy-MM-dd HH:mm} UTC: nothing changed");
        Console.WriteLine($"riskmap: import {s.ImportId} ({s.Kind}, {s.Source}): {s.Loaded:N0} loaded, {s.Repaired:N0} repaired, {s.Rejected:N0} rejected ({elapsed.TotalSeconds:0.0} s)");
        if (s.IgnoredColumns.Count > 0) Console.WriteLine($"  ignored columns (not RiskMap fields): {string.Join(", ", s.IgnoredColumns)}");
        foreach (var r in s.Repairs.Take(RejectsShown)) Console.WriteLine($"  repaired {unit} {r.Line}, {r.Field}: {r.Note}");
        foreach (var r in s.Rejects.Take(RejectsShown)) Console.WriteLine($"  rejected {unit} {r.Line}, {r.Field ?? "row"}: {r.Reason}");
        if (s.RejectCount > RejectsShown)
            Console.WriteLine($"  … {s.RejectCount - RejectsShown:N0} more rejects: GET /api/imports/{s.ImportId}/rejects, or " +
                $"./riskmap psql -c \"SELECT line, field, reason FROM import_reject WHERE import_id = {s.ImportId} ORDER BY line\"");
    }

    private static int Usage(string text)
    {
        Console.Error.WriteLine($"riskmap: {text}");
        return 2;
    }

    private static int Unusable(string text)
    {
        Console.Error.WriteLine($"riskmap: {text}");
        return 1;
    }

    /// <summary>A line every 100,000 rows, so a province-sized import shows it is alive.</summary>
    private sealed class ConsoleProgress : IProgress<ImportProgress>
    {
        private int _shown;

        public void Report(ImportProgress value)
        {
            var rows = value.Loaded + value.Rejected;
            if (rows / 100_000 <= _shown) return;
            _shown = rows / 100_000;
            Console.Error.WriteLine($"riskmap: … {rows:N0} rows read");
        }
    }
}
