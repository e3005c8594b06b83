using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using RiskMap.Server.Database;

namespace RiskMap.Server.Auth;

/// <summary>An account as administrators see it (never its password hash).</summary>
public sealed record UserAccount(
    long UserId, string Username, string DisplayName, Role Role, AreaScope Scope, bool HasPassword,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? DisabledAt)
{
    public bool Disabled => DisabledAt is not null;
}

/// <summary>A change to an account; null members stay as they are.</summary>
public sealed record AccountChange(string? DisplayName = null, Role? Role = null, AreaScope? Scope = null, string? Password = null, bool? Disabled = null);

/// <summary>
/// Accounts in app_user: create, find, list within a scope, change, and check a password.
/// Passwords are hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2-HMAC-SHA512, 128-bit salt) at <see cref="Iterations"/> iterations.
/// </summary>
public sealed partial class UserAccounts(NpgsqlDataSource db, IOptions<AuthOptions> options, TimeProvider time)
{
    /// <summary>OWASP's figure for PBKDF2-HMAC-SHA512 (2023): about 0.1–0.2 s of one core per sign-in.</summary>
    public const int Iterations = 210_000;

    private static readonly PasswordHasher<UserAccount> Hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Iterations,
    }));

    // Verified when the username is unknown, so a wrong name takes as long as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString()));

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex UsernamePattern();

    /// <summary>Why a username cannot be used, or null.</summary>
    public static string? CheckUsername(string? username) =>
        username is not null && UsernamePattern().IsMatch(username) ? null
            : "a username is 1 to 64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit";

    /// <summary>Why a password cannot be used, or null.</summary>
    public string? CheckPassword(string? password)
    {
        var minimum = options.Value.MinimumPasswordLength;
        if (password is null || password.Length < minimum) return $"a password has at least {minimum} characters";
        return password.Length > 1024 ? "a password has at most 1,024 characters" : null;
    }

    /// <summary>Creates an account; null when the username is taken.</summary>
    public async Task<UserAccount?> AddAsync(string username, string displayName, Role role, AreaScope scope, string? password, string createdBy, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var cmd = db.CreateCommand(SqlFile.Load("Auth.insert_user"));
        cmd.Parameters.Add(new() { Value = username });
        cmd.Parameters.Add(new() { Value = displayName });
        cmd.Parameters.Add(new() { Value = role.Key() });
        cmd.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = scope.Root?.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = password is null ? null : Hasher.HashPassword(null!, password), NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = now });
        cmd.Parameters.Add(new() { Value = createdBy });
        if (await cmd.ExecuteScalarAsync(ct) is not long id) return null;
        return new UserAccount(id, username, displayName, role, scope, password is not null, now, createdBy, null);
    }

    public async Task<UserAccount?> FindAsync(string username, CancellationToken ct) => (await FindWithHashAsync(username, ct)).Account;

    /// <summary>The accounts an administrator of <paramref name="within"/> manages: those whose scope lies inside it.</summary>
    public async Task<List<UserAccount>> ListAsync(AreaScope within, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Auth.list_users"));
        cmd.Parameters.Add(new() { Value = within.First });
        cmd.Parameters.Add(new() { Value = within.Last });
        cmd.Parameters.Add(new() { Value = within.IsEverywhere });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<UserAccount>();
        while (await r.ReadAsync(ct)) list.Add(Read(r));
        return list;
    }

    /// <summary>Applies a change (a new password is hashed; disabling revokes nothing by itself: see <see cref="AccessTokens.RevokeAllAsync"/>).</summary>
    public async Task ChangeAsync(long userId, AccountChange change, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Auth.update_user"));
        cmd.Parameters.Add(new() { Value = userId });
        cmd.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = change.DisplayName, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = change.Role?.Key(), NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = change.Scope?.Root?.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new() { Value = change.Scope is not null });
        cmd.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = change.Password is null ? null : Hasher.HashPassword(null!, change.Password), NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = change.Password is not null });
        cmd.Parameters.Add(new NpgsqlParameter<bool?> { TypedValue = change.Disabled, NpgsqlDbType = NpgsqlDbType.Boolean });
        cmd.Parameters.Add(new() { Value = time.GetUtcNow() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The enabled account with this username and password, or null (unknown name, no password set, wrong password, disabled).</summary>
    public async Task<UserAccount?> VerifyAsync(string username, string password, CancellationToken ct)
    {
        var (account, hash) = await FindWithHashAsync(username, ct);
        if (account is null || hash is null)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash.Value, password);
            return null;
        }
        var result = Hasher.VerifyHashedPassword(account, hash, password);
        if (result == PasswordVerificationResult.Failed || account.Disabled) return null;
        // A hash from fewer iterations (an older setting) is upgraded on the next good sign-in.
        if (result == PasswordVerificationResult.SuccessRehashNeeded) await ChangeAsync(account.UserId, new AccountChange(Password: password), ct);
        return account;
    }

    private async Task<(UserAccount? Account, string? Hash)> FindWithHashAsync(string username, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Auth.user_by_name"));
        cmd.Parameters.Add(new() { Value = username });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return (null, null);
        return (Read(r), r.IsDBNull(8) ? null : r.GetString(8));
    }

    private static UserAccount Read(NpgsqlDataReader r)
    {
        Roles.TryParse(r.GetString(3), out var role);
        return new UserAccount(r.GetInt64(0), r.GetString(1), r.GetString(2), role, AreaScope.FromStored(r.IsDBNull(4) ? null : r.GetInt64(4)),
            !r.IsDBNull(8), r.GetFieldValue<DateTimeOffset>(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7));
    }
}
