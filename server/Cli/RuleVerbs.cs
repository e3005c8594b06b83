using System.Globalization;
using Microsoft.Extensions.Options;
using RiskMap.Server.Alerts;
using RiskMap.Server.Risk;

namespace RiskMap.Server.Cli;

/// <summary>
/// <c>./riskmap rules …</c>: the alert rules from the machine RiskMap runs on, as the admin API
/// (<c>/api/admin/alert-rules</c>) has them: show those in force, change some with a comment, list
/// the changes. Exit codes: 0 done, 1 refused, 2 wrong arguments.
/// </summary>
public static class RuleVerbs
{
    public const string Usage = """
        usage: ./riskmap rules                                   the alert rules in force
               ./riskmap rules set NAME=VALUE… --comment TEXT    change some (names as in the API: minimumHouseholds=25 scaleClear.village=2/5 pendingPeriod=PT10M)
               ./riskmap rules changes [N]                       the last N changes (20)
        """;

    /// <summary>Options of the rules verb and whether each takes a value.</summary>
    public static readonly IReadOnlyDictionary<string, bool> Options = new Dictionary<string, bool> { ["--comment"] = true };

    private static string Actor => $"cli:{Environment.UserName}";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var ct = CancellationToken.None;
        var regions = services.GetRequiredService<IOptions<RegionRuleOptions>>().Value;
        switch (args.FirstOrDefault())
        {
            case null or "show" when args.Length <= 1:
            {
                await using var conn = await services.GetRequiredService<Npgsql.NpgsqlDataSource>().OpenConnectionAsync(ct);
                Print(AlertRuleEndpoints.View(await services.GetRequiredService<AlertSettings>().InForceAsync(conn, null, ct), regions));
                return 0;
            }
            case "set":
            {
                var (change, comment, error) = ParseSet(args.Skip(1).ToList());
                if (error is not null) return Fail(2, $"{error}\n{Usage}");
                var result = await services.GetRequiredService<AlertRuleChanges>().ChangeAsync(change! with { Comment = comment }, Actor, ct);
                if (result.Outcome == AlertRuleOutcome.Invalid)
                    return Fail(1, string.Join("\n", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
                var e = result.Effect;
                Console.WriteLine(result.Outcome == AlertRuleOutcome.Unchanged
                    ? $"riskmap: the rules in force (version {result.InForce.Version}) already say so; nothing changed"
                    : $"riskmap: alert rules version {result.InForce.Version} in force; at once {e.Raised} alerts raised, {e.Resolved} resolved, {e.Pending} pending, {e.Other} other changes");
                return 0;
            }
            case "changes" when args.Length <= 2:
            {
                var limit = 20;
                if (args.Length == 2 && (!int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 500))
                    return Fail(2, $"N is 1–500, not '{args[1]}'");
                foreach (var c in await AlertSettings.ChangesAsync(services.GetRequiredService<Npgsql.NpgsqlDataSource>(), limit, long.MaxValue, ct))
                    Console.WriteLine($"{c.Version,4}  {c.At.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm:ss}  {c.Actor}  {c.Transitions} transitions  {c.Comment}");
                return 0;
            }
            default:
                return Fail(2, Usage);
        }
    }

    /// <summary>NAME=VALUE pairs (names as in the API, any case) and --comment into a change; an error names the argument.</summary>
    public static (AlertRulesChange? Change, string? Comment, string? Error) ParseSet(IReadOnlyList<string> args)
    {
        var change = new AlertRulesChange();
        var clear = new ScaleClearChange(null, null, null, null, null, null);
        string? comment = null;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--comment" || a.StartsWith("--comment=", StringComparison.Ordinal))
            {
                comment = a.Length > "--comment".Length ? a["--comment=".Length..] : i + 1 < args.Count ? args[++i] : null;
                continue;
            }
            var eq = a.IndexOf('=');
            if (eq <= 0) return (null, null, $"'{a}' is not NAME=VALUE");
            var (name, value) = (a[..eq].ToLowerInvariant(), a[(eq + 1)..]);
            int? Whole() => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            switch (name)
            {
                case "pendingperiod": change = change with { PendingPeriod = value }; break;
                case "escalateafter": change = change with { EscalateAfter = value }; break;
                case "employmentfloor": change = change with { EmploymentFloor = value }; break;
                case "employmentclear": change = change with { EmploymentClear = value }; break;
                case "minimumhouseholds" or "minimumlabour":
                    if (Whole() is not { } n) return (null, null, $"{a[..eq]} is a whole number, not '{value}'");
                    change = name == "minimumhouseholds" ? change with { MinimumHouseholds = n } : change with { MinimumLabour = n };
                    break;
                case "householdalerts":
                    if (!bool.TryParse(value, out var on)) return (null, null, $"{a[..eq]} is true or false, not '{value}'");
                    change = change with { HouseholdAlerts = on };
                    break;
                case "scaleclear.village": clear = clear with { Village = value }; break;
                case "scaleclear.township": clear = clear with { Township = value }; break;
                case "scaleclear.county": clear = clear with { County = value }; break;
                case "scaleclear.prefecture": clear = clear with { Prefecture = value }; break;
                case "scaleclear.province": clear = clear with { Province = value }; break;
                case "scaleclear.site": clear = clear with { Site = value }; break;
                default: return (null, null, $"no alert rule is named '{a[..eq]}'");
            }
        }
        if (string.IsNullOrWhiteSpace(comment)) return (null, null, "--comment TEXT is required: say why the rules change");
        if (comment.Length > 2000) return (null, null, "--comment is at most 2,000 characters");
        if (clear != new ScaleClearChange(null, null, null, null, null, null)) change = change with { ScaleClear = clear };
        return change == new AlertRulesChange() ? (null, null, "name at least one rule to change") : (change, comment.Trim(), null);
    }

    private static void Print(AlertRulesView v)
    {
        var r = v.Rules;
        Console.WriteLine(v.Version == 0
            ? "alert rules in force: configuration's (Alerts:*), never changed by an administrator"
            : $"alert rules in force: version {v.Version}, {v.ChangedAt?.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm:ss} by {v.ChangedBy}: {v.Comment}");
        if (v.Problem is not null) Console.WriteLine($"  problem: {v.Problem}");
        Console.WriteLine($"  pendingPeriod       {r.PendingPeriod}");
        Console.WriteLine($"  escalateAfter       {r.EscalateAfter}");
        Console.WriteLine($"  minimumHouseholds   {r.MinimumHouseholds}");
        var t = v.RaiseThresholds;
        Console.WriteLine("  scaleClear          (raised above → cleared at or below)");
        foreach (var (level, raise, clear) in new[]
        {
            ("village", t.Village, r.ScaleClear.Village), ("township", t.Township, r.ScaleClear.Township), ("county", t.County, r.ScaleClear.County),
            ("prefecture", t.Prefecture, r.ScaleClear.Prefecture), ("province", t.Province, r.ScaleClear.Province), ("site", t.Site, r.ScaleClear.Site),
        })
            Console.WriteLine($"    {level,-12} {raise,6} → {clear}");
        Console.WriteLine($"  employmentFloor     {r.EmploymentFloor} (cleared at {r.EmploymentClear})");
        Console.WriteLine($"  minimumLabour       {r.MinimumLabour}");
        Console.WriteLine($"  householdAlerts     {(r.HouseholdAlerts ? "true" : "false")}");
    }

    private static int Fail(int code, string text)
    {
        Console.Error.WriteLine($"riskmap: {text}");
        return code;
    }
}
