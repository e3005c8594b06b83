using System.Text.Json;
using RiskMap.Server.Auth;

namespace RiskMap.Server.Live;

/// <summary>
/// The figures of a unit or resettlement site now (in <see cref="ChangesMessage.Stats"/>, snapshots and catch-ups). <see cref="Version"/> is the
/// live log position (a client resumes after the highest it saw); <see cref="FiguresVersion"/>
/// counts this subject's own changes, so a client keeps the higher of two it receives.
/// </summary>
public sealed record UnitStatsMessage
{
    public long Version { get; init; }
    /// <summary>"unit" or "site".</summary>
    public required string Kind { get; init; }
    /// <summary>The 12-digit unit code, or the site id.</summary>
    public required string Id { get; init; }
    public string? Name { get; init; }
    /// <summary>province, prefecture, county, township, village or site.</summary>
    public required string Level { get; init; }
    /// <summary>The unit itself, or the village a site stands in.</summary>
    public required string UnitCode { get; init; }
    public int? Households { get; init; }
    public int? Monitored { get; init; }
    public int? Level1 { get; init; }
    public int? Level2 { get; init; }
    public int? Level3 { get; init; }
    public double? ShareAtLeastII { get; init; }
    public double? ShareIII { get; init; }
    public int? Assisted { get; init; }
    public int? GapShouldMonitor { get; init; }
    public int? GapUnassisted { get; init; }
    public int? GapShouldExit { get; init; }
    public int? IncomeMedian { get; init; }
    /// <summary>red, yellow or green.</summary>
    public required string Zone { get; init; }
    public bool ScaleReturn { get; init; }
    public long FiguresVersion { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The message as <paramref name="counts"/> lets a caller see it: small counts, and shares and
    /// the median computed from them, withheld (null). Called on a message as stored (all counts present).
    /// </summary>
    public UnitStatsMessage Withholding(SmallCounts counts)
    {
        if (!counts.Suppresses) return this;
        int households = Households ?? 0, level2 = Level2 ?? 0, level3 = Level3 ?? 0;
        return this with
        {
            Households = counts.Count(households), Monitored = counts.Count(Monitored ?? 0), Level1 = counts.Count(Level1 ?? 0),
            Level2 = counts.Count(level2), Level3 = counts.Count(level3),
            ShareAtLeastII = counts.Share(level2 + level3, households, ShareAtLeastII ?? 0), ShareIII = counts.Share(level3, households, ShareIII ?? 0),
            Assisted = counts.Count(Assisted ?? 0), GapShouldMonitor = counts.Count(GapShouldMonitor ?? 0),
            GapUnassisted = counts.Count(GapUnassisted ?? 0), GapShouldExit = counts.Count(GapShouldExit ?? 0),
            IncomeMedian = counts.Of(households, IncomeMedian),
        };
    }
}

/// <summary>
/// An alert as it is after a transition (raised, updated: acknowledged or escalated, resolved), in
/// <see cref="ChangesMessage.Alerts"/>, snapshots and catch-ups. <see cref="AlertVersion"/> counts the alert's own transitions.
/// </summary>
public sealed record AlertMessage
{
    public long Version { get; init; }
    /// <summary>raised, updated or resolved; null in snapshots and lists.</summary>
    public string? Event { get; init; }
    public long AlertId { get; init; }
    /// <summary>scale, site-employment or household-unassisted.</summary>
    public required string Rule { get; init; }
    /// <summary>red or yellow.</summary>
    public required string Severity { get; init; }
    /// <summary>pending, raised, acknowledged or resolved.</summary>
    public required string State { get; init; }
    /// <summary>unit, site or household.</summary>
    public required string SubjectKind { get; init; }
    /// <summary>A unit code, site id or household id; null for a household alert sent to someone without household access.</summary>
    public required string? SubjectId { get; init; }
    public string? SubjectName { get; init; }
    /// <summary>The unit the subject is or lies in (a site's or household's village).</summary>
    public required string UnitCode { get; init; }
    public string? UnitName { get; init; }
    public string? CountyCode { get; init; }
    public double? Metric { get; init; }
    public double? Threshold { get; init; }
    public double? ClearThreshold { get; init; }
    public int? Households { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? RaisedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? AcknowledgedBy { get; init; }
    public string? AcknowledgeComment { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? ResolvedBy { get; init; }
    public string? ResolveReason { get; init; }
    /// <summary>How many times it escalated; 0 while with the subject's own unit.</summary>
    public int EscalatedLevel { get; init; }
    /// <summary>The unit it escalated to last.</summary>
    public string? EscalatedTo { get; init; }
    public string? EscalatedToName { get; init; }
    public long AlertVersion { get; init; }

    /// <summary>The alert as someone without household access sees it: a household alert names no household.</summary>
    public AlertMessage For(bool seesHouseholds) =>
        seesHouseholds || SubjectKind != "household" ? this : this with { SubjectId = null, SubjectName = null };
}

/// <summary>A layer and a box (west, south, east, north in degrees) whose tiles changed: a client refetches just the tiles it shows there.</summary>
public sealed record TileArea(string Layer, double[] Box);

/// <summary>TilesInvalidated: the changed tile areas of a tick (<see cref="Version"/>: the tick's log position).</summary>
public sealed record TilesMessage(long Version, IReadOnlyList<TileArea> Areas);

/// <summary>
/// Changes: everything one relay tick brought for one group of subscribers, in one frame — the
/// latest figures of each changed unit and site (in log order), every alert transition (in log
/// order) and the changed tile areas. <see cref="Version"/> is the log position the tick reached: a
/// client that applied the frame resumes after it. One frame a tick and group, serialised once for
/// every connection of the group, rather than a message per unit: the per-frame cost of a push
/// (framing, the connection's pipe and socket, the client's dispatch) is paid once.
/// </summary>
public sealed record ChangesMessage(long Version, IReadOnlyList<UnitStatsMessage> Stats, IReadOnlyList<AlertMessage> Alerts, IReadOnlyList<TileArea> Tiles);

/// <summary>What Subscribe returns: the log position now, the unit's figures and the open alerts under it.</summary>
public sealed record SubscriptionSnapshot(string UnitCode, long Version, UnitStatsMessage? Figures, IReadOnlyList<AlertMessage> OpenAlerts)
{
    /// <summary>The snapshot as a caller may see it (household ids, small counts).</summary>
    public SubscriptionSnapshot For(bool seesHouseholds, SmallCounts counts) => this with
    {
        Figures = Figures?.Withholding(counts),
        OpenAlerts = OpenAlerts.Select(a => a.For(seesHouseholds)).ToList(),
    };
}

/// <summary>
/// What Resume returns: every change under the unit after the version the client saw — the latest
/// figures per subject and every alert transition in order — or, when the log no longer reaches
/// back that far (<see cref="Reset"/>), a fresh <see cref="Snapshot"/>.
/// </summary>
public sealed record CatchUp(
    string UnitCode, long Version, bool Reset, IReadOnlyList<UnitStatsMessage> Stats, IReadOnlyList<AlertMessage> Alerts, SubscriptionSnapshot? Snapshot)
{
    /// <summary>The catch-up as a caller may see it (household ids, small counts).</summary>
    public CatchUp For(bool seesHouseholds, SmallCounts counts) => this with
    {
        Stats = Stats.Select(m => m.Withholding(counts)).ToList(),
        Alerts = Alerts.Select(a => a.For(seesHouseholds)).ToList(),
        Snapshot = Snapshot?.For(seesHouseholds, counts),
    };
}

/// <summary>Reads log payloads into messages.</summary>
public static class LiveMessageJson
{
    public static UnitStatsMessage Stats(LiveEntry e) =>
        JsonSerializer.Deserialize<UnitStatsMessage>(e.Payload, JsonSerializerOptions.Web)! with { Version = e.Seq };

    public static AlertMessage Alert(LiveEntry e) =>
        JsonSerializer.Deserialize<AlertMessage>(e.Payload, JsonSerializerOptions.Web)! with { Version = e.Seq };

    public static AlertMessage Alert(string payload, long version) =>
        JsonSerializer.Deserialize<AlertMessage>(payload, JsonSerializerOptions.Web)! with { Version = version };

    public static UnitStatsMessage Stats(string payload, long version) =>
        JsonSerializer.Deserialize<UnitStatsMessage>(payload, JsonSerializerOptions.Web)! with { Version = version };
}
