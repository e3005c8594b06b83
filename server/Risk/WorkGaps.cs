using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Risk;

/// <summary>
/// The three work gaps seed 000 §三.2 names, for one household (household.gap_* columns).
/// </summary>
/// <param name="ShouldMonitor">应纳未纳: meets the monitoring criteria (level ≥ <see cref="RiskModelOptions.MonitorFromLevel"/>) but is not monitored.</param>
/// <param name="Unassisted">应帮未帮: monitored for more than <see cref="RiskModelOptions.UnassistedDeadline"/> with no assistance since.</param>
/// <param name="ShouldExit">应退未退: monitored at least <see cref="RiskModelOptions.ExitAfter"/>, no warning now, last year's income not below the line.</param>
public readonly record struct WorkGaps(bool ShouldMonitor, bool Unassisted, bool ShouldExit)
{
    public bool Any => ShouldMonitor || Unassisted || ShouldExit;
}

internal static class WorkGapRules
{
    /// <summary>Support facts as of a date: whether help reached the household, days monitored, days since the last visit.</summary>
    public static SupportFacts Support(Household h, HardTrigger triggers, RiskModelOptions o, DateOnly asOf)
    {
        var monitored = h.Monitoring == MonitoringStatus.Monitored;
        int? daysMonitored = monitored && h.MonitoredSince is DateOnly since ? asOf.DayNumber - since.DayNumber : null;
        // Assistance counts when it started since monitoring began (or ever, for a household not
        // monitored) and not after the assessment date. Dibao and 特困 are the protective floor
        // (兜底) measure itself, so those households count as assisted.
        var assisted = h.Dibao || h.Tekun;
        if (!assisted)
        {
            var from = monitored && h.MonitoredSince is DateOnly s ? s : DateOnly.MinValue;
            var measures = h.Assistance;
            for (var i = 0; i < measures.Count; i++)
            {
                var on = measures[i].StartedOn;
                if (on >= from && on <= asOf) { assisted = true; break; }
            }
        }
        int? daysSinceVisit = h.LastVisitOn is DateOnly v ? asOf.DayNumber - v.DayNumber : null;
        var visitedRecently = daysSinceVisit is int d && d <= WholeDays(o.VisitRecency);
        return new SupportFacts(monitored || triggers != HardTrigger.None, assisted, daysMonitored, daysSinceVisit, visitedRecently);
    }

    public static WorkGaps Evaluate(Household h, PolicyLine line, RiskModelOptions o, RiskLevel level, SupportFacts s)
    {
        var monitored = h.Monitoring == MonitoringStatus.Monitored;
        // A household whose risk was eliminated and is at risk again must re-enter monitoring too.
        var shouldMonitor = level >= o.MonitorFromLevel && !monitored;
        // The register keeps no "risk gone since" date; time in monitoring plus last year's income
        // at or above the line stands in for "risk gone for long enough" (docs/risk-model.md § Gaps).
        var shouldExit = monitored && level == RiskLevel.None
                         && s.DaysMonitored is int m && m >= WholeDays(o.ExitAfter)
                         && (h.IncomeLastYear is not int last || last >= line.MonitoringLine);
        // "More than" the deadline: on day 15 of a 15-day deadline there is still time.
        var unassisted = monitored && !shouldExit && !s.Supported
                         && s.DaysMonitored is int d && d > WholeDays(o.UnassistedDeadline);
        return new WorkGaps(shouldMonitor, unassisted, shouldExit);
    }

    public static int WholeDays(TimeSpan span) => (int)(span.Ticks / TimeSpan.TicksPerDay);
}
