using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace RiskMap.Server.Auth;

/// <summary>
/// The one authentication scheme: an issued token in <c>Authorization: Bearer …</c>, or, for the
/// live hub only, in the <c>access_token</c> query parameter (browsers cannot set headers on a
/// WebSocket). A refused token is a 401 problem saying why; a missing one a 401 asking for one.
/// </summary>
public sealed class BearerAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccessTokens tokens, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private const string RefusalItem = "riskmap:token-refusal";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenOf(Request) is not { } token) return AuthenticateResult.NoResult();
        var check = await tokens.CheckAsync(token, Context.RequestAborted);
        if (check is not { Caller: { } caller, Principal: { } principal })
        {
            Context.Items[RefusalItem] = check.Refusal;
            return AuthenticateResult.Fail($"token refused: {check.Refusal}");
        }
        // ExpiresUtc lets SignalR close a hub connection when its token expires.
        var properties = new AuthenticationProperties { ExpiresUtc = caller.ExpiresAt };
        return AuthenticateResult.Success(new AuthenticationTicket(principal, properties, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var refusal = Context.Items.TryGetValue(RefusalItem, out var r) ? (TokenRefusal)r! : TokenRefusal.None;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = refusal == TokenRefusal.None
            ? "Bearer realm=\"riskmap\""
            : $"Bearer realm=\"riskmap\", error=\"invalid_token\", error_description=\"{Describe(refusal)}\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = refusal == TokenRefusal.None ? "Sign-in required" : "Token refused",
                Detail = refusal == TokenRefusal.None
                    ? "send a token in the Authorization header (Bearer …): POST /api/auth/token with a username and password gives one"
                    : $"the token {Describe(refusal)}; sign in again (POST /api/auth/token) or ask an administrator for a new one",
            },
        });
    }

    /// <summary>The token a request carries, if any.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        // Only the hub reads it from the URL: elsewhere a token in a URL would end up in logs and histories for nothing.
        if (request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } query) return query;
        return null;
    }

    private static string Describe(TokenRefusal refusal) => refusal switch
    {
        TokenRefusal.Malformed => "is not a RiskMap token",
        TokenRefusal.Expired => "has expired",
        TokenRefusal.Revoked => "was revoked",
        TokenRefusal.AccountDisabled => "belongs to a disabled account",
        _ => "is not known",
    };
}
