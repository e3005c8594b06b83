using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Server.Live;
using RiskMap.Server.Risk;

namespace RiskMap.Server.Alerts;

/// <summary>What applying a change did at once to the alerts of every unit and site.</summary>
public sealed record AlertRuleEffectDto(int Raised, int Resolved, int Pending, int Other)
{
    public static readonly AlertRuleEffectDto None = new(0, 0, 0, 0);

    public static AlertRuleEffectDto Of(IReadOnlyList<AlertTransition> transitions) => new(
        transitions.Count(t => t.LiveEvent == AlertEvent.Raised),
        transitions.Count(t => t.LiveEvent == AlertEvent.Resolved),
        transitions.Count(t => t.To == AlertState.Pending),
        transitions.Count(t => t.LiveEvent is not (AlertEvent.Raised or AlertEvent.Resolved) && t.To != AlertState.Pending));
}

public enum AlertRuleOutcome { Changed, Unchanged, Invalid, Stale }

/// <summary>
/// The outcome of a change: the rules in force after it (before it, when refused), what it did, and
/// why it was refused (every error, each naming its field).
/// </summary>
public sealed record AlertRuleChangeResult(
    AlertRuleOutcome Outcome, AlertRulesInForce InForce, AlertRuleEffectDto Effect, IReadOnlyList<OptionError> Errors);

/// <summary>
/// Changes the alert rules in one transaction under the live lock: reads those in force, applies the
/// change, sweeps every unit and site with the new rules (the alerts they raise or resolve go out
/// live) and stores the new version with who and why. For the admin API and <c>./riskmap rules</c>.
/// The caller checks who may change them and that a comment is given.
/// </summary>
public sealed class AlertRuleChanges(NpgsqlDataSource db, AlertSettings settings, AlertSweep sweep, IOptions<RegionRuleOptions> regions, TimeProvider time)
{
    public async Task<AlertRuleChangeResult> ChangeAsync(AlertRulesChange change, string actor, CancellationToken ct)
    {
        var comment = change.Comment?.Trim() ?? throw new ArgumentException("a change needs a comment", nameof(change));
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // The live lock: no write, sweep or clock tick decides while the rules change.
        await LiveLog.LockAsync(conn, tx, ct);
        var current = await settings.InForceAsync(conn, tx, ct);
        if (change.Version is { } expected && expected != current.Version)
            return new(AlertRuleOutcome.Stale, current, AlertRuleEffectDto.None, []);
        var (next, errors) = AlertRuleSet.Apply(current.Options, change, regions.Value);
        if (next is null) return new(AlertRuleOutcome.Invalid, current, AlertRuleEffectDto.None, errors);
        // The same rules again change nothing: no new version, no trail row (a repeated request is harmless).
        if (AlertRuleSet.ToDto(next) == AlertRuleSet.ToDto(current.Options) && current.Problem is null)
            return new(AlertRuleOutcome.Unchanged, current, AlertRuleEffectDto.None, []);

        var now = time.GetUtcNow();
        var transitions = await sweep.SweepAsync(conn, tx, next, now, ct);
        var version = await AlertSettings.RecordAsync(conn, tx, next, actor, comment, transitions.Count, now, ct);
        await tx.CommitAsync(ct);
        return new(AlertRuleOutcome.Changed, new AlertRulesInForce(version, next, now, actor, comment), AlertRuleEffectDto.Of(transitions), []);
    }
}
