using Microsoft.AspNetCore.Http.HttpResults;

namespace RiskMap.Server.Auth;

/// <summary>An account for administrators (never a password or its hash).</summary>
public sealed record UserDto(string Username, string DisplayName, string Role, string Scope, bool HasPassword, bool Disabled,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? DisabledAt);

public sealed record NewUserRequest(string? Username, string? DisplayName, string? Role, string? Scope, string? Password);

public sealed record UserChangeRequest(string? DisplayName, string? Role, string? Scope, string? Password, bool? Disabled);

public sealed record NewTokenRequest(string? Username, string? Kind, string? Label, double? Days);

/// <summary>
/// <c>/api/admin/users</c> and <c>/api/admin/tokens</c>: administrators manage the accounts and
/// tokens whose scope lies within their own. An account outside it answers 404, as one that does
/// not exist would.
/// </summary>
public static class AdminEndpoints
{
    private const double MaxTokenDays = 3660;

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(AccessPolicies.Administer);
        admin.MapGet("/users", ListUsers);
        admin.MapPost("/users", AddUser);
        admin.MapGet("/users/{username}", GetUser);
        admin.MapPatch("/users/{username}", ChangeUser);
        admin.MapGet("/tokens", ListTokens);
        admin.MapPost("/tokens", IssueToken);
        admin.MapDelete("/tokens/{id:long}", RevokeToken);
        return app;
    }

    private static async Task<Ok<List<UserDto>>> ListUsers(Caller caller, UserAccounts accounts, CancellationToken ct) =>
        TypedResults.Ok((await accounts.ListAsync(caller.Scope, ct)).Select(ToDto).ToList());

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> GetUser(string username, Caller caller, UserAccounts accounts, CancellationToken ct) =>
        await ManagedAsync(username, caller, accounts, ct) is { } account ? TypedResults.Ok(ToDto(account)) : UnknownUser(username);

    private static async Task<Results<Created<UserDto>, ProblemHttpResult>> AddUser(NewUserRequest body, Caller caller, UserAccounts accounts, CancellationToken ct)
    {
        var username = body.Username?.Trim().ToLowerInvariant();
        if (UserAccounts.CheckUsername(username) is { } badName) return Invalid("username", badName);
        if (!Roles.TryParse(body.Role, out var role)) return Invalid("role", $"role is one of {string.Join(", ", Roles.Keys)}");
        if (ScopeWithin(body.Scope, caller, out var scope) is { } badScope) return badScope;
        if (body.DisplayName is { Length: > 200 }) return Invalid("displayName", "a display name is at most 200 characters");
        if (body.Password is not null && accounts.CheckPassword(body.Password) is { } badPassword) return Invalid("password", badPassword);
        var displayName = string.IsNullOrWhiteSpace(body.DisplayName) ? username! : body.DisplayName.Trim();
        if (await accounts.AddAsync(username!, displayName, role, scope, body.Password, caller.Username, ct) is not { } account)
            return TypedResults.Problem(title: "Username taken", statusCode: StatusCodes.Status409Conflict, detail: $"an account named '{username}' exists");
        return TypedResults.Created($"/api/admin/users/{account.Username}", ToDto(account));
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> ChangeUser(
        string username, UserChangeRequest body, Caller caller, UserAccounts accounts, AccessTokens tokens, CancellationToken ct)
    {
        if (await ManagedAsync(username, caller, accounts, ct) is not { } account) return UnknownUser(username);
        Role? role = null;
        if (body.Role is not null)
        {
            if (!Roles.TryParse(body.Role, out var parsed)) return Invalid("role", $"role is one of {string.Join(", ", Roles.Keys)}");
            role = parsed;
        }
        AreaScope? scope = null;
        if (body.Scope is not null)
        {
            if (ScopeWithin(body.Scope, caller, out var parsed) is { } badScope) return badScope;
            scope = parsed;
        }
        if (body.DisplayName is { } name && (name.Trim().Length == 0 || name.Length > 200)) return Invalid("displayName", "a display name is 1 to 200 characters");
        if (body.Password is not null && accounts.CheckPassword(body.Password) is { } badPassword) return Invalid("password", badPassword);
        if (account.UserId == caller.UserId && (body.Disabled == true || role is { } r && r != Role.Administrator))
            return Invalid(body.Disabled == true ? "disabled" : "role", "administrators cannot disable themselves or give up their own role (ask another administrator)");
        await accounts.ChangeAsync(account.UserId, new AccountChange(body.DisplayName?.Trim(), role, scope, body.Password, body.Disabled), ct);
        // A disabled account's tokens stop working now, not when they expire.
        if (body.Disabled == true) await tokens.RevokeAllAsync(account.UserId, caller.Username, ct);
        else tokens.Forget(account.UserId);
        return TypedResults.Ok(ToDto((await accounts.FindAsync(account.Username, ct))!));
    }

    private static async Task<Results<Ok<List<TokenInfo>>, ProblemHttpResult>> ListTokens(
        Caller caller, AccessTokens tokens, UserAccounts accounts, CancellationToken ct, string? user = null, bool all = false)
    {
        if (user is not null && await ManagedAsync(user, caller, accounts, ct) is null) return UnknownUser(user);
        return TypedResults.Ok(await tokens.ListAsync(caller.Scope, user?.Trim().ToLowerInvariant(), all, ct));
    }

    private static async Task<Results<Created<TokenDto>, ProblemHttpResult>> IssueToken(
        NewTokenRequest body, Caller caller, UserAccounts accounts, AccessTokens tokens, CancellationToken ct)
    {
        if (body.Username is null || await ManagedAsync(body.Username, caller, accounts, ct) is not { } account) return UnknownUser(body.Username ?? "");
        if (account.Disabled) return Invalid("username", $"the account '{account.Username}' is disabled");
        TokenKind kind;
        switch (body.Kind?.Trim().ToLowerInvariant())
        {
            case null or "device": kind = TokenKind.Device; break;
            case "session": kind = TokenKind.Session; break;
            default: return Invalid("kind", "kind is 'device' (a wall screen: view only, long-lived) or 'session'");
        }
        if (string.IsNullOrWhiteSpace(body.Label) || body.Label.Length > 200) return Invalid("label", "a label (where the token is used: \"凉山州指挥中心 wall 2\") is 1 to 200 characters");
        if (body.Days is { } days && (double.IsNaN(days) || days <= 0 || days > MaxTokenDays)) return Invalid("days", $"days is more than 0 and at most {MaxTokenDays}");
        var issued = await tokens.IssueAsync(account.UserId, kind, body.Label.Trim(), body.Days is { } d ? TimeSpan.FromDays(d) : null, caller.Username, ct);
        var role = kind == TokenKind.Device ? Role.Leader : account.Role;
        return TypedResults.Created($"/api/admin/tokens?user={account.Username}",
            new TokenDto(issued.TokenId, issued.Token, issued.Kind, issued.ExpiresAt, AuthEndpoints.Describe(account.Username, account.DisplayName, role, account.Scope)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeToken(long id, Caller caller, AccessTokens tokens, CancellationToken ct)
    {
        if (await tokens.OwnerAsync(id, ct) is not { } owner || !caller.Scope.Covers(owner.Scope) || !await tokens.RevokeAsync(id, caller.Username, ct))
            return TypedResults.Problem(title: "Unknown token", statusCode: StatusCodes.Status404NotFound, detail: $"no active token has id {id}");
        return TypedResults.NoContent();
    }

    /// <summary>The account when the caller may manage it (its scope lies within theirs); null otherwise, as for an unknown name.</summary>
    private static async Task<UserAccount?> ManagedAsync(string username, Caller caller, UserAccounts accounts, CancellationToken ct)
    {
        var name = username.Trim().ToLowerInvariant();
        if (UserAccounts.CheckUsername(name) is not null) return null;
        return await accounts.FindAsync(name, ct) is { } account && caller.Scope.Covers(account.Scope) ? account : null;
    }

    private static ProblemHttpResult? ScopeWithin(string? text, Caller caller, out AreaScope scope)
    {
        if (!AreaScope.TryParse(text, out scope))
            return Invalid("scope", $"scope is a unit code of 2, 4, 6, 9 or 12 digits (or \"all\" for the whole country), not '{text}'");
        return caller.Scope.Covers(scope) ? null : Invalid("scope", $"you manage accounts within {caller.Scope} only");
    }

    private static UserDto ToDto(UserAccount a) => new(a.Username, a.DisplayName, a.Role.Key(), a.Scope.ToString(), a.HasPassword, a.Disabled, a.CreatedAt, a.CreatedBy, a.DisabledAt);

    private static ProblemHttpResult Invalid(string field, string detail) => TypedResults.Problem(
        title: $"Invalid {field}", statusCode: StatusCodes.Status400BadRequest, detail: detail, extensions: new Dictionary<string, object?> { ["field"] = field });

    private static ProblemHttpResult UnknownUser(string username) =>
        TypedResults.Problem(title: "Unknown user", statusCode: StatusCodes.Status404NotFound, detail: $"no account '{username}' that you manage");
}
