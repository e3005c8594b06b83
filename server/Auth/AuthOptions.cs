namespace RiskMap.Server.Auth;

/// <summary>Sign-in and token settings (section <c>Auth</c>); validated at start-up.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>How long a token from <c>POST /api/auth/token</c> (a sign-in) is valid. Default 12 hours: one working day.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a device token (a wall screen, view only) is valid unless given otherwise. Default 365 days.</summary>
    public TimeSpan DeviceTokenLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// How long a server trusts a token it has checked before asking the database again. A token
    /// revoked on one server is refused there at once and by other servers within this. Default 10 s.
    /// </summary>
    public TimeSpan TokenCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often live hub connections are checked against their tokens (expired or revoked ones are closed). Default 1 minute.</summary>
    public TimeSpan RevalidateInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Shortest password accepted. Default 10 characters.</summary>
    public int MinimumPasswordLength { get; set; } = 10;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (SessionLifetime <= TimeSpan.Zero) errors.Add($"Auth:{nameof(SessionLifetime)} must be positive, was {SessionLifetime}");
        if (DeviceTokenLifetime <= TimeSpan.Zero) errors.Add($"Auth:{nameof(DeviceTokenLifetime)} must be positive, was {DeviceTokenLifetime}");
        if (TokenCacheDuration < TimeSpan.Zero || TokenCacheDuration > TimeSpan.FromMinutes(5))
            errors.Add($"Auth:{nameof(TokenCacheDuration)} must be 0 to 5 minutes (revocation waits this long on other servers), was {TokenCacheDuration}");
        if (RevalidateInterval <= TimeSpan.Zero) errors.Add($"Auth:{nameof(RevalidateInterval)} must be positive, was {RevalidateInterval}");
        if (MinimumPasswordLength < 8) errors.Add($"Auth:{nameof(MinimumPasswordLength)} must be at least 8, was {MinimumPasswordLength}");
        return errors;
    }
}

/// <summary>What roles without household access see of small counts (section <c>Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// k: household counts from 1 to k − 1 (and shares and medians computed from them) are
    /// withheld from leaders and wall screens in unit figures, tiles and hub messages, so a figure
    /// never points at one or two households. Default 5. 1 turns suppression off.
    /// </summary>
    public int MinimumCount { get; set; } = 5;
}

/// <summary>Request limits per user (section <c>RateLimits</c>): a token bucket per token, or per client address without one.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>
    /// Requests a user may make per second, sustained. Default 100 (a map panning and refetching its tiles).
    /// A fraction is a slower rate: 0.1 is one request every ten seconds.
    /// </summary>
    public double PermitsPerSecond { get; set; } = 100;

    /// <summary>
    /// Requests a user may make at once beyond the rate (the bucket's size). Default 1,000: a 4K wall
    /// screen loading six layers at once asks for about 250 tiles, and refetches after changes.
    /// </summary>
    public int Burst { get; set; } = 1000;

    /// <summary>Sign-in attempts per client address per minute (POST /api/auth/token), against password guessing. Default 10.</summary>
    public int SignInsPerMinute { get; set; } = 10;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(PermitsPerSecond >= 0.001)) errors.Add($"RateLimits:{nameof(PermitsPerSecond)} must be at least 0.001 (one request in 1,000 s), was {PermitsPerSecond}");
        if (Burst < Math.Max(1, PermitsPerSecond)) errors.Add($"RateLimits:{nameof(Burst)} must be at least 1 and at least PermitsPerSecond, was {Burst}");
        if (SignInsPerMinute < 1) errors.Add($"RateLimits:{nameof(SignInsPerMinute)} must be at least 1, was {SignInsPerMinute}");
        return errors;
    }

    /// <summary>
    /// The bucket's refill as whole tokens per period: a rate of one or more a second refills every second
    /// (the rate rounded), a slower one refills a single token every 1/rate seconds.
    /// </summary>
    public (int Tokens, TimeSpan Period) Refill() => PermitsPerSecond >= 1
        ? ((int)Math.Min(int.MaxValue, Math.Round(PermitsPerSecond)), TimeSpan.FromSeconds(1))
        : (1, TimeSpan.FromSeconds(1 / PermitsPerSecond));
}
