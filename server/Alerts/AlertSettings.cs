using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Server.Database;
using RiskMap.Server.Risk;

namespace RiskMap.Server.Alerts;

/// <summary>
/// The alert rules in force: <see cref="Options"/>, from the newest administrator's change
/// (<see cref="Version"/> ≥ 1) or from configuration (version 0). <see cref="Problem"/> says why a
/// stored change is not in force (it no longer fits the raise thresholds in configuration).
/// </summary>
public sealed record AlertRulesInForce(
    long Version, AlertOptions Options, DateTimeOffset? ChangedAt, string? ChangedBy, string? Comment, string? Problem = null);

/// <summary>One stored change of the alert rules.</summary>
public sealed record AlertRuleChangeDto(long Version, DateTimeOffset At, string Actor, string Comment, AlertRulesDto Rules, int Transitions);

/// <summary>
/// Reads the alert rules in force inside the caller's transaction, after it took the live lock
/// (<see cref="Live.LiveLog.LockAsync"/>), which a change of the rules takes too: every write,
/// sweep and clock tick on every server decides with the rules committed before it, and a change
/// is in force for everything after it. One small query per transaction; the parsed rules are kept
/// per version.
/// </summary>
public sealed class AlertSettings(IOptions<AlertOptions> configured, IOptions<RegionRuleOptions> regions, ILogger<AlertSettings> log)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private AlertRulesInForce? _cached;

    /// <summary>The rules of configuration (version 0), in force until an administrator changes them (made once: every write reads them).</summary>
    public AlertRulesInForce Configured => field ??= new(0, configured.Value, null, null, null);

    public async Task<AlertRulesInForce> InForceAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Alerts.rules_in_force"), conn, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return Configured;
        var version = r.GetInt64(0);
        if (_cached is { } cached && cached.Version == version) return cached;
        var (at, actor, comment) = (r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3));
        var dto = JsonSerializer.Deserialize<AlertRulesDto>(r.GetString(4), Json)!;
        var (options, errors) = AlertRuleSet.FromDto(dto, configured.Value, regions.Value);
        AlertRulesInForce result;
        if (options is null)
        {
            var problem = $"the rules of version {version} no longer fit configuration ({string.Join("; ", errors.Select(e => e.Message))}): configuration's are in force";
            log.LogError("Alert rules: {Problem}", problem);
            result = Configured with { Problem = problem };
        }
        else result = new AlertRulesInForce(version, options, at, actor, comment);
        _cached = result;
        return result;
    }

    /// <summary>Stores a change (in the caller's transaction, under the live lock) and returns its version.</summary>
    public static async Task<long> RecordAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, AlertOptions rules, string actor, string comment, int transitions, DateTimeOffset at, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Alerts.insert_rule_change"), conn, tx);
        cmd.Parameters.Add(new() { Value = at });
        cmd.Parameters.Add(new() { Value = actor });
        cmd.Parameters.Add(new() { Value = comment });
        cmd.Parameters.Add(new() { Value = JsonSerializer.Serialize(AlertRuleSet.ToDto(rules), Json) });
        cmd.Parameters.Add(new() { Value = transitions });
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The trail of changes, newest first, below <paramref name="before"/>.</summary>
    public static async Task<List<AlertRuleChangeDto>> ChangesAsync(NpgsqlDataSource db, int limit, long before, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Alerts.rule_changes"));
        cmd.Parameters.Add(new() { Value = limit });
        cmd.Parameters.Add(new() { Value = before });
        var list = new List<AlertRuleChangeDto>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3),
                JsonSerializer.Deserialize<AlertRulesDto>(r.GetString(4), Json)!, r.GetInt32(5)));
        return list;
    }
}
