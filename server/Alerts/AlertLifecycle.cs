namespace RiskMap.Server.Alerts;

/// <summary>Alert states as stored in alert.state.</summary>
public static class AlertState
{
    public const string Pending = "pending";
    public const string Raised = "raised";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
}

/// <summary>What the engine does with one reading.</summary>
public enum AlertAction
{
    /// <summary>Nothing to store.</summary>
    None,
    /// <summary>An open alert keeps its state; its metric and household count are updated quietly.</summary>
    Touch,
    /// <summary>The condition began; it must hold for the pending period before the alert is raised.</summary>
    OpenPending,
    /// <summary>The condition began and there is no pending period: raised at once.</summary>
    OpenRaised,
    /// <summary>A pending alert whose condition held for the whole pending period is raised.</summary>
    Promote,
    /// <summary>The condition cleared: the open alert resolves by itself.</summary>
    Resolve,
    /// <summary>The condition cleared before the pending period ended: the alert is dropped unseen (audited).</summary>
    CancelPending,
    /// <summary>An alert resolved by hand while its condition held may open again once the condition has cleared.</summary>
    Unsuppress,
}

/// <summary>An alert that is open (pending, raised or acknowledged) for a rule and subject.</summary>
public sealed record OpenAlert(long AlertId, string State, DateTimeOffset OpenedAt);

/// <summary>The alert lifecycle as a pure function: the next action from the open alert, the reading and the time.</summary>
public static class AlertLifecycle
{
    /// <summary>
    /// The action for one reading. <paramref name="open"/>: the open alert for the reading's rule and
    /// subject, if any; <paramref name="suppressed"/>: an alert for them was resolved by hand while
    /// its condition held, and the condition has not cleared since.
    /// </summary>
    public static AlertAction Decide(OpenAlert? open, bool suppressed, AlertReading reading, DateTimeOffset now, TimeSpan pendingPeriod)
    {
        if (open is null)
        {
            return reading.Verdict switch
            {
                Verdict.Raise when suppressed => AlertAction.None,
                Verdict.Raise => pendingPeriod > TimeSpan.Zero ? AlertAction.OpenPending : AlertAction.OpenRaised,
                Verdict.Clear when suppressed => AlertAction.Unsuppress,
                _ => AlertAction.None,
            };
        }
        if (reading.Verdict == Verdict.Clear)
            return open.State == AlertState.Pending ? AlertAction.CancelPending : AlertAction.Resolve;
        if (open.State == AlertState.Pending && reading.Verdict == Verdict.Raise && IsDue(open.OpenedAt, now, pendingPeriod))
            return AlertAction.Promote;
        return AlertAction.Touch;
    }

    /// <summary>True when a pending alert opened at <paramref name="openedAt"/> has waited its whole period.</summary>
    public static bool IsDue(DateTimeOffset openedAt, DateTimeOffset now, TimeSpan pendingPeriod) => now - openedAt >= pendingPeriod;

    /// <summary>True when a raised alert last escalated (or raised) at <paramref name="since"/> is due to escalate.</summary>
    public static bool IsEscalationDue(DateTimeOffset since, DateTimeOffset now, TimeSpan escalateAfter) => now - since >= escalateAfter;
}
