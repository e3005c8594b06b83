using RiskMap.Geodata.Domain;
using RiskMap.Server.Statistics;

namespace RiskMap.Server.Auth;

/// <summary>
/// Where a user may look: one unit and everything under it, or the whole country. Codes are
/// hierarchical, so a unit's subtree is the numeric range [<see cref="First"/>, <see cref="Last"/>]
/// of 12-digit codes (513431000000–513431999999 for 昭觉县), which every query filters on.
/// </summary>
public readonly record struct AreaScope
{
    private AreaScope(UnitCode? root)
    {
        Root = root;
        (First, Last) = root is { } r ? (r.Value, r.Value + StatisticsStore.SpanOf(r.Level) - 1) : (0L, 999_999_999_999L);
    }

    /// <summary>The whole country (a national administrator, the CLI).</summary>
    public static readonly AreaScope Everywhere = new(null);

    /// <summary>The unit at the top of the scope; null for the whole country.</summary>
    public UnitCode? Root { get; }

    /// <summary>The smallest 12-digit code in the scope.</summary>
    public long First { get; }

    /// <summary>The largest 12-digit code in the scope.</summary>
    public long Last { get; }

    public bool IsEverywhere => Root is null;

    public static AreaScope Of(UnitCode root) => new(root);

    /// <summary>The stored form: null for the whole country.</summary>
    public static AreaScope FromStored(long? code) => code is { } c ? new(new UnitCode(c)) : Everywhere;

    /// <summary>"all" (or "*") for the whole country, else a 2–12 digit unit code.</summary>
    public static bool TryParse(string? text, out AreaScope scope)
    {
        scope = Everywhere;
        if (text?.Trim().ToLowerInvariant() is "all" or "*") return true;
        if (!UnitCode.TryParse(text, out var code)) return false;
        scope = new(code);
        return true;
    }

    public bool Contains(UnitCode code) => code.Value >= First && code.Value <= Last;

    public bool Contains(long code) => code >= First && code <= Last;

    /// <summary>Whether <paramref name="other"/> lies wholly inside this scope (an administrator manages only such users).</summary>
    public bool Covers(AreaScope other) => other.First >= First && other.Last <= Last;

    public override string ToString() => Root?.ToString() ?? "all";
}
