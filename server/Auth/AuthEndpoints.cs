using Microsoft.AspNetCore.Http.HttpResults;

namespace RiskMap.Server.Auth;

/// <summary>Sign-in: username and password for a session token.</summary>
public sealed record SignInRequest(string? Username, string? Password, string? Label);

/// <summary>The account a token stands for, as its holder sees it.</summary>
public sealed record AccountDto(string Username, string DisplayName, string Role, string Scope, bool SeesHouseholds);

/// <summary>A token given to its holder: the only time the token's text leaves the server.</summary>
public sealed record TokenDto(long TokenId, string Token, string Kind, DateTimeOffset ExpiresAt, AccountDto Account);

/// <summary>Who the caller is and how long their token lasts.</summary>
public sealed record WhoAmIDto(AccountDto Account, string TokenKind, long TokenId, DateTimeOffset ExpiresAt);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/token", SignIn).AllowAnonymous().RequireRateLimiting(AccessRegistration.SignInLimit);
        auth.MapDelete("/token", SignOut).RequireAuthorization(AccessPolicies.View);
        auth.MapGet("/me", WhoAmI).RequireAuthorization(AccessPolicies.View);
        return app;
    }

    private static async Task<Results<Ok<TokenDto>, ProblemHttpResult>> SignIn(
        SignInRequest body, UserAccounts accounts, AccessTokens tokens, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body.Username) || string.IsNullOrEmpty(body.Password) || body.Username.Length > 64 || body.Password.Length > 1024)
            return TypedResults.Problem(title: "Invalid sign-in", statusCode: StatusCodes.Status400BadRequest,
                detail: "send {\"username\": \"…\", \"password\": \"…\"} (a username of at most 64 characters)");
        if (body.Label is { Length: > 200 })
            return TypedResults.Problem(title: "Invalid sign-in", statusCode: StatusCodes.Status400BadRequest, detail: "label is at most 200 characters");
        // One answer for an unknown name, a wrong password and a disabled account: no hint which.
        if (await accounts.VerifyAsync(body.Username.Trim().ToLowerInvariant(), body.Password, ct) is not { } account)
            return TypedResults.Problem(title: "Sign-in failed", statusCode: StatusCodes.Status401Unauthorized,
                detail: "the username or the password is wrong, or the account is disabled");
        var issued = await tokens.IssueAsync(account.UserId, TokenKind.Session, string.IsNullOrWhiteSpace(body.Label) ? "sign-in" : body.Label.Trim(), null, account.Username, ct);
        return TypedResults.Ok(new TokenDto(issued.TokenId, issued.Token, issued.Kind, issued.ExpiresAt, Describe(account.Username, account.DisplayName, account.Role, account.Scope)));
    }

    private static async Task<NoContent> SignOut(Caller caller, AccessTokens tokens, CancellationToken ct)
    {
        await tokens.RevokeAsync(caller.TokenId, caller.Username, ct);
        return TypedResults.NoContent();
    }

    private static Ok<WhoAmIDto> WhoAmI(Caller caller) => TypedResults.Ok(new WhoAmIDto(
        Describe(caller.Username, caller.DisplayName, caller.Role, caller.Scope), AccessTokens.KindKey(caller.Kind), caller.TokenId, caller.ExpiresAt));

    public static AccountDto Describe(string username, string displayName, Role role, AreaScope scope) =>
        new(username, displayName, role.Key(), scope.ToString(), role.SeesHouseholds());
}
