using System.Security.Claims;

namespace RiskMap.Server.Auth;

/// <summary>A session (a sign-in, hours) or a device token (a wall screen: view only, months).</summary>
public enum TokenKind { Session, Device }

/// <summary>
/// Who is calling, from their bearer token: the user, the role that applies to this request (a
/// device token acts as a leader whatever its user's role), the area scope and the token.
/// Endpoints take it as a parameter (<see cref="BindAsync"/>) behind an authorization policy.
/// </summary>
public sealed record Caller(long UserId, string Username, string DisplayName, Role Role, AreaScope Scope, long TokenId, TokenKind Kind, DateTimeOffset ExpiresAt)
{
    private const string ScopeClaim = "riskmap:scope";
    private const string TokenClaim = "riskmap:token";
    private const string KindClaim = "riskmap:token-kind";
    private const string ExpiresClaim = "riskmap:expires";
    private const string DisplayNameClaim = "riskmap:display-name";

    public bool SeesHouseholds => Role.SeesHouseholds();

    /// <summary>The name audit rows record: the display name with the account, "乡长 阿某 (ayi)".</summary>
    public string Actor => DisplayName == Username ? Username : $"{DisplayName} ({Username})";

    public ClaimsPrincipal ToPrincipal(string scheme) => new(new CallerIdentity(this,
    [
        new Claim(ClaimTypes.NameIdentifier, UserId.ToString()),
        new Claim(ClaimTypes.Name, Username),
        new Claim(DisplayNameClaim, DisplayName),
        new Claim(ClaimTypes.Role, Role.Key()),
        new Claim(ScopeClaim, Scope.ToString()),
        new Claim(TokenClaim, TokenId.ToString()),
        new Claim(KindClaim, Kind == TokenKind.Device ? "device" : "session"),
        new Claim(ExpiresClaim, ExpiresAt.ToUnixTimeMilliseconds().ToString()),
    ], scheme));

    /// <summary>The caller of an authenticated request; null when the request carries no valid token.</summary>
    public static Caller? From(ClaimsPrincipal? user)
    {
        // The bearer scheme's own identity carries the caller: no claim parsing on every request and every check.
        if (user?.Identity is CallerIdentity { IsAuthenticated: true } known) return known.Caller;
        if (user?.Identity?.IsAuthenticated != true || user.FindFirstValue(TokenClaim) is not { } token) return null;
        Roles.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role);
        AreaScope.TryParse(user.FindFirstValue(ScopeClaim), out var scope);
        return new Caller(
            long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!), user.Identity.Name!, user.FindFirstValue(DisplayNameClaim)!,
            role, scope, long.Parse(token), user.FindFirstValue(KindClaim) == "device" ? TokenKind.Device : TokenKind.Session,
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(user.FindFirstValue(ExpiresClaim)!)));
    }

    /// <summary>
    /// Minimal-API binding. Every endpoint taking a <see cref="Caller"/> sits behind a policy that
    /// requires a signed-in user, so a missing caller here is a wiring defect, not a client error.
    /// </summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<Caller?>(From(context.User) ?? throw new InvalidOperationException(
            $"{context.Request.Path} takes a Caller but has no authorization policy requiring a signed-in user"));
}

/// <summary>The identity the bearer scheme signs a request in with: the claims, and the <see cref="Caller"/> they were made from.</summary>
public sealed class CallerIdentity(Caller caller, IEnumerable<Claim> claims, string scheme)
    : ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role)
{
    public Caller Caller { get; } = caller;
}
