using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Server.Auth;

namespace RiskMap.Tests.Infrastructure;

/// <summary>Accounts and tokens for tests, made with the product's own classes, as an administrator or the CLI makes them.</summary>
public static class TestAccounts
{
    /// <summary>Tokens outlive any test clock's jumps.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(3650);

    /// <summary>A token of a new account (<paramref name="username"/>, or a fresh name) in a database a server process uses.</summary>
    public static Task<string> IssueAsync(NpgsqlDataSource db, Role role, string scope = "all", TokenKind kind = TokenKind.Session, string? username = null)
    {
        var options = Options.Create(new AuthOptions());
        return IssueAsync(new UserAccounts(db, options, TimeProvider.System), new AccessTokens(db, options, TimeProvider.System),
            username ?? $"{role.Key()}-{Guid.NewGuid():N}"[..40], role, scope, kind);
    }

    public static async Task<string> IssueAsync(UserAccounts accounts, AccessTokens tokens, string username, Role role, string scope, TokenKind kind)
    {
        if (!AreaScope.TryParse(scope, out var area)) throw new ArgumentException($"not a scope: {scope}", nameof(scope));
        var account = await accounts.FindAsync(username, CancellationToken.None)
            ?? await accounts.AddAsync(username, username, role, area, null, "test", CancellationToken.None)
            ?? throw new InvalidOperationException($"could not create {username}");
        return (await tokens.IssueAsync(account.UserId, kind, "test", Lifetime, "test", CancellationToken.None)).Token;
    }
}
