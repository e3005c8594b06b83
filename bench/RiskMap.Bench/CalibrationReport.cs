using System.Diagnostics;
using RiskMap.Geodata.Divisions;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Generation;
using RiskMap.Server.Risk;

namespace RiskMap.Bench;

/// <summary>
/// How the generated demo population looks to the risk model: level shares, trigger rates and
/// the zones of counties and villages, with no database. Used to keep the demo believable
/// (a few percent at II or above, most units green, some yellow) when the generator or the model changes.
/// </summary>
public static class CalibrationReport
{
    public static Task<int> RunAsync(string[] args)
    {
        var scale = args.Length > 0 && double.TryParse(args[0], out var s) ? s : 0.25;
        var clock = Stopwatch.StartNew();
        var asOf = new DateOnly(2026, 11, 20);
        var line = PolicyTable.ExampleDefaults.Find(new UnitCode(510000000000), asOf.Year);
        var set = ScenarioGenerator.Generate(DivisionCatalog.Load(), new ScenarioOptions { Scale = scale, AsOf = asOf, MonitoringLine = line.MonitoringLine });
        var options = new RiskModelOptions();
        var rules = new RegionRuleOptions();
        var levels = new int[4];
        var triggers = new Dictionary<HardTrigger, int>();
        var byVillage = new Dictionary<long, int[]>();
        var byCounty = new Dictionary<long, int[]>();
        var n = 0;
        foreach (var h in set.Households)
        {
            var a = RiskModel.Assess(h, line, options, asOf);
            levels[(int)a.Level]++;
            n++;
            foreach (var t in Enum.GetValues<HardTrigger>())
                if (t != HardTrigger.None && System.Numerics.BitOperations.PopCount((uint)t) == 1 && a.Triggers.HasFlag(t))
                    triggers[t] = triggers.GetValueOrDefault(t) + 1;
            foreach (var (map, key) in new[] { (byVillage, h.VillageCode.Value), (byCounty, h.VillageCode.County.Value) })
            {
                var c = map.TryGetValue(key, out var x) ? x : map[key] = new int[4];
                c[(int)a.Level]++;
            }
        }
        Console.WriteLine($"{n:N0} households ({clock.Elapsed.TotalSeconds:0.0} s)");
        Console.WriteLine($"levels: none {Pct(levels[0], n)}, I {Pct(levels[1], n)}, II {Pct(levels[2], n)}, III {Pct(levels[3], n)}; at II or above {Pct(levels[2] + levels[3], n)}");
        foreach (var (t, count) in triggers.OrderByDescending(kv => kv.Value))
            Console.WriteLine($"  trigger {t}: {Pct(count, n)}");
        Console.WriteLine($"village zones: {Zones(byVillage, RegionLevel.Village, rules)}");
        Console.WriteLine($"county zones: {Zones(byCounty, RegionLevel.County, rules)}");
        foreach (var (code, c) in byCounty.OrderBy(kv => kv.Key))
            Console.WriteLine($"  {code}: {Pct(c[2] + c[3], c.Sum())} at II or above");
        return Task.FromResult(0);
    }

    private static string Zones(Dictionary<long, int[]> units, RegionLevel level, RegionRuleOptions rules) =>
        string.Join(", ", units.Values
            .GroupBy(c => ZoneRule.Classify(level, new LevelCounts(c.Sum(), c[1], c[2], c[3]), rules).Zone)
            .OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));

    private static string Pct(int part, int whole) => $"{100.0 * part / Math.Max(1, whole):0.00}%";
}
