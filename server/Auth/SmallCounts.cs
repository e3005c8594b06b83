namespace RiskMap.Server.Auth;

/// <summary>
/// Small-count suppression for callers without household access (domain.md § Privacy): a count of
/// households from 1 to k − 1 is withheld (null), and so is any share or median computed from a
/// withheld count, so no figure points at one or two households. Zero is shown: it names nobody.
/// Where it applies: docs/security.md § Small counts.
/// </summary>
public sealed class SmallCounts
{
    private SmallCounts(int k) => K = k;

    /// <summary>Nothing withheld: for roles that see households anyway.</summary>
    public static readonly SmallCounts None = new(1);

    /// <summary>The threshold k (Privacy:MinimumCount); 1 withholds nothing.</summary>
    public int K { get; }

    public bool Suppresses => K > 1;

    public static SmallCounts For(Caller caller, PrivacyOptions options) => caller.SeesHouseholds ? None : new(options.MinimumCount);

    public static SmallCounts Of(int k) => k <= 1 ? None : new(k);

    public bool Withholds(int count) => count > 0 && count < K;

    public int? Count(int count) => Withholds(count) ? null : count;

    /// <summary>A share <paramref name="part"/>/<paramref name="whole"/> (as given in <paramref name="share"/>), withheld when either count is.</summary>
    public double? Share(int part, int whole, double share) => Withholds(part) || Withholds(whole) ? null : share;

    /// <summary>A median (or any value computed from single households) of a group of <paramref name="households"/>.</summary>
    public T? Of<T>(int households, T? value) where T : struct => Withholds(households) ? null : value;
}
