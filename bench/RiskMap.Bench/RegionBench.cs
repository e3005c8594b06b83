using System.Data;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RiskMap.Geodata.Divisions;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Generation;
using RiskMap.Geodata.Loading;
using RiskMap.Server.Database;
using RiskMap.Server.Households;
using RiskMap.Server.Regions;
using RiskMap.Server.Statistics;

namespace RiskMap.Bench;

/// <summary>
/// Issue 7's goals: a drawn region's figures through the fast exact path (whole villages' stored
/// figures, crossing villages' households tested, exact median) against the naive aggregate over
/// every household whose point the GiST index and ST_Intersects put in the region, on the same
/// data in the same process, for regions holding ~1 %, ~10 % and ~50 % of the households.
/// </summary>
public static class RegionBench
{
    private sealed record Timings(List<double> Naive, List<double> NaiveParallel, List<double> NaiveCovers, List<double> Fast, List<double> Report)
    {
        public double FirstFast { get; set; }
    }

    // The baseline with the cheaper point test the fast path uses (same points, see region_figures.sql),
    // so the comparison does not credit the fast path with that alone.
    private static readonly string NaiveCoversSql = SqlFile.Load("Regions.naive_figures").Replace("ST_Intersects(", "ST_Covers(");

    public static async Task<int> RunAsync(string[] args)
    {
        var scale = Option(args, "--scale", 0.4); // ≈ 580 k households for Liangshan
        var runs = (int)Option(args, "--runs", 9);
        var shapes = (int)Option(args, "--shapes", 3);
        await using var cluster = await BenchDatabase.StartAsync();
        var db = await cluster.CreateAsync("regions");
        await using var services = await StatisticsBench.ServicesAsync(db);
        var clock = Stopwatch.StartNew();
        var set = ScenarioGenerator.Generate(DivisionCatalog.Load(), new ScenarioOptions { Root = new UnitCode(513400000000), Scale = scale, AsOf = new DateOnly(2026, 11, 20), MonitoringLine = 8000 });
        Console.WriteLine($"generated {set.HouseholdCount:N0} households in {clock.Elapsed.TotalSeconds:0} s");
        await ReportTriggerCostAsync(cluster, db, set);
        await services.GetRequiredService<RiskRebuild>().RunAsync(CancellationToken.None);
        await services.GetRequiredService<StatisticsRebuild>().RunAsync(CancellationToken.None);
        await services.GetRequiredService<MedianRefresher>().RefreshStaleAsync(CancellationToken.None);
        await ExecuteAsync(db, "VACUUM ANALYZE");
        var total = await CountAsync(db, "SELECT count(*) FROM household");
        Console.WriteLine($"loaded, assessed and counted {total:N0} households in {clock.Elapsed.TotalSeconds:0} s");

        var queries = services.GetRequiredService<RegionQueries>();
        var incomes = services.GetRequiredService<VillageIncomeCache>();
        var random = new Random(7);
        Console.WriteLine();
        Console.WriteLine("| target | households in region (share) | villages whole / crossing | households tested | naive ST_Intersects p50 (ms) | same, parallel workers | naive ST_Covers p50 (ms) | fast figures p50 (ms) | fast, first run (ms) | whole query p50 (ms) | naive ST_Intersects / fast | naive ST_Covers / fast |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var target in new[] { 0.01, 0.10, 0.50 })
        {
            for (var s = 0; s < shapes; s++)
            {
                var (wkt, inside) = await RegionHoldingAsync(db, random, target * total);
                var wkb = await WkbAsync(db, wkt);
                var t = new Timings([], [], [], [], []);
                RegionCount? fast = null;
                for (var run = 0; run <= runs; run++)
                {
                    // run 0 warms caches and connections and is not counted
                    var naive = await TimeAsync(db, parallel: false, t.Naive, run, (c, tx) => NaiveRegionFigures.ComputeAsync(c, tx, wkb, CancellationToken.None));
                    await TimeAsync(db, parallel: true, t.NaiveParallel, run, (c, tx) => NaiveRegionFigures.ComputeAsync(c, tx, wkb, CancellationToken.None));
                    var naiveCovers = await TimeAsync(db, parallel: false, t.NaiveCovers, run, (c, tx) => NaiveCoversAsync(c, tx, wkb));
                    fast = await TimeAsync(db, parallel: false, t.Fast, run, async (c, tx) =>
                        await RegionFiguresQuery.ComputeAsync(c, tx, wkb, await RegionCoverage.ReadAsync(c, tx, wkb, CancellationToken.None), incomes, SubjectKind.Region, 0, CancellationToken.None));
                    if (run == 0) t.FirstFast = Last;
                    var watch = Stopwatch.StartNew();
                    var report = await queries.ReportAsync(new DrawnRegion(await GeoJsonAsync(db, wkt), []), RiskMap.Server.Auth.AreaScope.Everywhere, CancellationToken.None);
                    if (run > 0) t.Report.Add(watch.Elapsed.TotalMilliseconds);
                    if (Describe(naive) != Describe(fast.Figures) || Describe(naive) != Describe(report.Figures) || Describe(naive) != Describe(naiveCovers))
                        throw new InvalidOperationException($"figures differ: naive {Describe(naive)}, fast {Describe(fast.Figures)}, query {Describe(report.Figures)}");
                }
                var coverage = await WholeAndCrossingAsync(db, wkb);
                var best = Math.Min(P50(t.Naive), P50(t.NaiveParallel));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {target:P0} | {inside:N0} ({(double)inside / total:P1}) | {coverage} | {fast!.HouseholdsTested:N0} | {P50(t.Naive):0.0} | {P50(t.NaiveParallel):0.0} | {P50(t.NaiveCovers):0.0} | {P50(t.Fast):0.0} | {t.FirstFast:0.0} | {P50(t.Report):0.0} | {best / P50(t.Fast):0.0}× | {P50(t.NaiveCovers) / P50(t.Fast):0.0}× |"));
            }
        }
        await db.DisposeAsync();
        return 0;
    }

    /// <summary>
    /// What the household_outside_village insert trigger adds to a bulk load: the same dataset
    /// loaded with it off into a scratch database, then with it on into <paramref name="db"/>.
    /// </summary>
    private static async Task ReportTriggerCostAsync(BenchDatabase cluster, NpgsqlDataSource db, GeodataSet set)
    {
        var scratch = await cluster.CreateAsync("regions_untriggered");
        await ExecuteAsync(scratch, "ALTER TABLE household DISABLE TRIGGER household_outside_village_insert");
        var off = await BulkLoader.LoadAsync(scratch, set, CancellationToken.None);
        await scratch.DisposeAsync();
        var on = await BulkLoader.LoadAsync(db, set, CancellationToken.None);
        double Households(LoadSummary s) => s.Stages.Single(x => x.Stage == "households").Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bulk load without / with the trigger: households COPY {Households(off):0.0} / {Households(on):0.0} s, whole load {off.Elapsed.TotalSeconds:0.0} / {on.Elapsed.TotalSeconds:0.0} s"));
    }

    /// <summary>A wobbly 48-gon (a hand-drawn outline) around a random household, grown until it holds about <paramref name="households"/>.</summary>
    private static async Task<(string Wkt, long Inside)> RegionHoldingAsync(NpgsqlDataSource db, Random random, double households)
    {
        var all = await CountAsync(db, "SELECT count(*) FROM household");
        await using var cmd = db.CreateCommand("SELECT ST_X(geom), ST_Y(geom) FROM household ORDER BY household_id OFFSET $1 LIMIT 1");
        cmd.Parameters.Add(new() { Value = (long)(random.NextDouble() * all) });
        double lon, lat;
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            await r.ReadAsync();
            (lon, lat) = (r.GetDouble(0), r.GetDouble(1));
        }
        var phase = random.NextDouble() * Math.PI;
        string Shape(double radius) => "POLYGON((" + string.Join(",", Enumerable.Range(0, 49).Select(i =>
        {
            var a = 2 * Math.PI * (i % 48) / 48;
            var r = radius * (1 + 0.2 * Math.Sin(5 * a + phase));
            return string.Create(CultureInfo.InvariantCulture, $"{lon + r * Math.Cos(a) / Math.Cos(lat * Math.PI / 180):R} {lat + r * Math.Sin(a):R}");
        })) + "))";
        double low = 0.001, high = 4;
        long inside = 0;
        for (var step = 0; step < 30; step++)
        {
            var mid = Math.Sqrt(low * high);
            inside = await CountAsync(db, "SELECT count(*) FROM household WHERE ST_Intersects(ST_GeomFromText($1, 4326), geom)", Shape(mid));
            if (Math.Abs(inside - households) < households * 0.05) return (Shape(mid), inside);
            if (inside < households) low = mid; else high = mid;
        }
        return (Shape(Math.Sqrt(low * high)), inside);
    }

    private static async Task<RegionFigures> NaiveCoversAsync(NpgsqlConnection conn, NpgsqlTransaction tx, byte[] wkb)
    {
        await using var cmd = new NpgsqlCommand(NaiveCoversSql, conn, tx);
        cmd.Parameters.Add(new() { Value = wkb });
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return FiguresColumns.Read(r, 0, SubjectKind.Region, 0);
    }

    /// <summary>The last time <see cref="TimeAsync{T}"/> took, counted or not.</summary>
    private static double Last { get; set; }

    private static async Task<T> TimeAsync<T>(NpgsqlDataSource db, bool parallel, List<double> times, int run, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> query)
    {
        await using var conn = await db.OpenConnectionAsync();
        var watch = Stopwatch.StartNew();
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        if (!parallel)
        {
            await using var set = new NpgsqlCommand("SET LOCAL max_parallel_workers_per_gather = 0", conn, tx);
            await set.ExecuteNonQueryAsync();
        }
        var result = await query(conn, tx);
        await tx.CommitAsync();
        Last = watch.Elapsed.TotalMilliseconds;
        if (run > 0) times.Add(Last);
        return result;
    }

    private static async Task<string> WholeAndCrossingAsync(NpgsqlDataSource db, byte[] wkb)
    {
        await using var conn = await db.OpenConnectionAsync();
        var coverage = await RegionCoverage.ReadAsync(conn, null, wkb, CancellationToken.None);
        return $"{coverage.WholeVillages.Length:N0} / {coverage.CrossingVillages.Length:N0}";
    }

    private static async Task<byte[]> WkbAsync(NpgsqlDataSource db, string wkt)
    {
        await using var cmd = db.CreateCommand("SELECT ST_AsBinary(ST_GeomFromText($1, 4326))");
        cmd.Parameters.Add(new() { Value = wkt });
        return (byte[])(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<string> GeoJsonAsync(NpgsqlDataSource db, string wkt)
    {
        await using var cmd = db.CreateCommand("SELECT ST_AsGeoJSON(ST_Multi(ST_GeomFromText($1, 4326)))");
        cmd.Parameters.Add(new() { Value = wkt });
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<long> CountAsync(NpgsqlDataSource db, string sql, params object[] args)
    {
        await using var cmd = db.CreateCommand(sql);
        foreach (var a in args) cmd.Parameters.Add(new() { Value = a });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql)
    {
        await using var cmd = db.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    private static string Describe(RegionFigures f) => string.Join(",", f.Households, f.Monitored, f.Level1, f.Level2, f.Level3,
        f.CategoryUnstable, f.CategoryMarginal, f.CategorySudden, string.Join("/", f.RiskTypeCounts), f.Assisted, f.GapShouldMonitor,
        f.GapUnassisted, f.GapShouldExit, f.IncomeMedian);

    private static double P50(List<double> times) => times.Count == 0 ? double.NaN : times.Order().ElementAt((times.Count - 1) / 2);

    private static double Option(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }
}
