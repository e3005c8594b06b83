namespace RiskMap.Server.Live;

/// <summary>Options of the live pipeline (configuration section "Live").</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>
    /// The coalescing tick: changes committed within one tick reach clients as one message per
    /// changed unit (the latest figures), at most one batch of messages per tick.
    /// </summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often the relay reads the log even without a notification (a lost LISTEN connection heals by this).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the log keeps changes for reconnecting clients; older ones get a full snapshot instead.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Rows read from the log at once.</summary>
    public int ReadLimit { get; set; } = 20_000;

    /// <summary>A client that missed more changes than this gets a snapshot (current figures and open alerts) instead of the changes.</summary>
    public int CatchUpLimit { get; set; } = 50_000;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Tick <= TimeSpan.Zero) errors.Add($"{nameof(Tick)} must be positive");
        if (PollInterval <= TimeSpan.Zero) errors.Add($"{nameof(PollInterval)} must be positive");
        if (Retention <= TimeSpan.Zero) errors.Add($"{nameof(Retention)} must be positive");
        if (ReadLimit < 1) errors.Add($"{nameof(ReadLimit)} must be at least 1");
        if (CatchUpLimit < 1) errors.Add($"{nameof(CatchUpLimit)} must be at least 1");
        return errors;
    }
}
