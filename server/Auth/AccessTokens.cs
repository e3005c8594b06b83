using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Server.Database;

namespace RiskMap.Server.Auth;

/// <summary>A token as administrators see it (never the token itself, which is shown once when issued).</summary>
public sealed record TokenInfo(long TokenId, string Username, string Kind, string Label, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string? RevokedBy);

/// <summary>A newly issued token: the text is given to its holder once and stored only as a hash.</summary>
public sealed record IssuedToken(long TokenId, string Token, string Kind, DateTimeOffset ExpiresAt);

/// <summary>Why a token was refused (told to its holder, who has the token anyway).</summary>
public enum TokenRefusal { None, Malformed, Unknown, Expired, Revoked, AccountDisabled }

/// <summary>
/// A token's check: its caller and the principal the bearer scheme signs requests in with (built
/// once per check and shared by the requests the check is cached for: nothing may change it), or why
/// it was refused.
/// </summary>
public readonly record struct TokenCheck(Caller? Caller, ClaimsPrincipal? Principal, TokenRefusal Refusal)
{
    public static TokenCheck Refused(TokenRefusal refusal) => new(null, null, refusal);
}

/// <summary>
/// Issued bearer tokens in access_token: issue, check (with a short cache, so a map loading a
/// hundred tiles asks the database once), revoke, list.
/// </summary>
public sealed class AccessTokens(NpgsqlDataSource db, IOptions<AuthOptions> options, TimeProvider time)
{
    private const int CacheLimit = 50_000;
    private readonly ConcurrentDictionary<TokenDigest, CheckedToken> _checked = new();

    private sealed record CheckedToken(TokenCheck Check, DateTimeOffset CheckedUntil)
    {
        public Caller Caller => Check.Caller!;
    }

    /// <summary>A token's SHA-256 as a value: the cache's key, computed without allocating (the server keeps no token it was shown).</summary>
    private readonly record struct TokenDigest(UInt128 High, UInt128 Low)
    {
        public static TokenDigest Of(string token)
        {
            Span<byte> text = stackalloc byte[64];
            Span<byte> hash = stackalloc byte[32];
            // LooksValid has held: 46 ASCII characters.
            SHA256.HashData(text[..Encoding.ASCII.GetBytes(token, text)], hash);
            return new TokenDigest(MemoryMarshal.Read<UInt128>(hash), MemoryMarshal.Read<UInt128>(hash[16..]));
        }
    }

    /// <summary>Issues a token for an account; <paramref name="lifetime"/> defaults to the kind's (Auth:SessionLifetime, DeviceTokenLifetime).</summary>
    public async Task<IssuedToken> IssueAsync(long userId, TokenKind kind, string label, TimeSpan? lifetime, string createdBy, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var expires = now + (lifetime ?? (kind == TokenKind.Device ? options.Value.DeviceTokenLifetime : options.Value.SessionLifetime));
        var token = TokenText.New();
        await using var cmd = db.CreateCommand(SqlFile.Load("Auth.insert_token"));
        cmd.Parameters.Add(new() { Value = userId });
        cmd.Parameters.Add(new() { Value = TokenText.Hash(token) });
        cmd.Parameters.Add(new() { Value = KindKey(kind) });
        cmd.Parameters.Add(new() { Value = label });
        cmd.Parameters.Add(new() { Value = now });
        cmd.Parameters.Add(new() { Value = createdBy });
        cmd.Parameters.Add(new() { Value = expires });
        var id = (long)(await cmd.ExecuteScalarAsync(ct))!;
        return new IssuedToken(id, token, KindKey(kind), expires);
    }

    /// <summary>
    /// The caller a token stands for, or why it is refused. A check is kept for Auth:TokenCacheDuration
    /// (never past the token's expiry), so a map loading a hundred tiles asks the database once; a
    /// kept check is answered without allocating.
    /// </summary>
    public ValueTask<TokenCheck> CheckAsync(string token, CancellationToken ct)
    {
        if (!TokenText.LooksValid(token)) return ValueTask.FromResult(TokenCheck.Refused(TokenRefusal.Malformed));
        var now = time.GetUtcNow();
        var key = TokenDigest.Of(token);
        if (_checked.TryGetValue(key, out var hit) && hit.CheckedUntil > now && hit.Caller.ExpiresAt > now) return ValueTask.FromResult(hit.Check);
        return new ValueTask<TokenCheck>(LookUpAsync(token, key, now, ct));
    }

    private async Task<TokenCheck> LookUpAsync(string token, TokenDigest key, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Auth.token_by_hash"));
        cmd.Parameters.Add(new() { Value = TokenText.Hash(token) });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return TokenCheck.Refused(TokenRefusal.Unknown);
        var expires = r.GetFieldValue<DateTimeOffset>(2);
        if (!r.IsDBNull(3)) return TokenCheck.Refused(TokenRefusal.Revoked);
        if (!r.IsDBNull(9)) return TokenCheck.Refused(TokenRefusal.AccountDisabled);
        if (expires <= now) return TokenCheck.Refused(TokenRefusal.Expired);
        var kind = r.GetString(1) == "device" ? TokenKind.Device : TokenKind.Session;
        Roles.TryParse(r.GetString(7), out var role);
        // A wall screen's token is view only, whoever it was issued to.
        if (kind == TokenKind.Device) role = Role.Leader;
        var caller = new Caller(r.GetInt64(4), r.GetString(5), r.GetString(6), role, AreaScope.FromStored(r.IsDBNull(8) ? null : r.GetInt64(8)),
            r.GetInt64(0), kind, expires);
        var check = new TokenCheck(caller, caller.ToPrincipal(BearerAuthentication.SchemeName), TokenRefusal.None);
        if (_checked.Count >= CacheLimit) _checked.Clear();
        _checked[key] = new CheckedToken(check, now + options.Value.TokenCacheDuration);
        return check;
    }

    /// <summary>Revokes one token; false when it was revoked already or does not exist.</summary>
    public async Task<bool> RevokeAsync(long tokenId, string by, CancellationToken ct) => (await RevokeWhereAsync(tokenId, -1, by, ct)) > 0;

    /// <summary>Revokes every token of an account (disabling it, a lost password); returns how many.</summary>
    public Task<int> RevokeAllAsync(long userId, string by, CancellationToken ct) => RevokeWhereAsync(-1, userId, by, ct);

    /// <summary>The scope of a token's account and its id, or null when there is no such token.</summary>
    public async Task<(AreaScope Scope, long UserId)?> OwnerAsync(long tokenId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Auth.token_owner"));
        cmd.Parameters.Add(new() { Value = tokenId });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return (AreaScope.FromStored(r.IsDBNull(0) ? null : r.GetInt64(0)), r.GetInt64(1));
    }

    /// <summary>Tokens of the accounts within <paramref name="within"/> (of one account when <paramref name="username"/> is given), newest first.</summary>
    public async Task<List<TokenInfo>> ListAsync(AreaScope within, string? username, bool includeInactive, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Auth.list_tokens"));
        cmd.Parameters.Add(new() { Value = within.First });
        cmd.Parameters.Add(new() { Value = within.Last });
        cmd.Parameters.Add(new() { Value = within.IsEverywhere });
        cmd.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = username, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = includeInactive });
        cmd.Parameters.Add(new() { Value = time.GetUtcNow() });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<TokenInfo>();
        while (await r.ReadAsync(ct))
            list.Add(new TokenInfo(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4), r.GetString(5),
                r.GetFieldValue<DateTimeOffset>(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7), r.IsDBNull(8) ? null : r.GetString(8)));
        return list;
    }

    /// <summary>Which of these tokens still let their holders in (for closing live connections of revoked or expired ones).</summary>
    public async Task<HashSet<long>> StillValidAsync(IReadOnlyCollection<long> tokenIds, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Auth.valid_tokens"));
        cmd.Parameters.Add(new() { Value = tokenIds.ToArray() });
        cmd.Parameters.Add(new() { Value = time.GetUtcNow() });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var valid = new HashSet<long>();
        while (await r.ReadAsync(ct)) valid.Add(r.GetInt64(0));
        return valid;
    }

    public static string KindKey(TokenKind kind) => kind == TokenKind.Device ? "device" : "session";

    private async Task<int> RevokeWhereAsync(long tokenId, long userId, string by, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Auth.revoke_tokens"));
        cmd.Parameters.Add(new() { Value = tokenId });
        cmd.Parameters.Add(new() { Value = userId });
        cmd.Parameters.Add(new() { Value = time.GetUtcNow() });
        cmd.Parameters.Add(new() { Value = by });
        var revoked = new HashSet<long>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) revoked.Add(r.GetInt64(0));
        // Refused here at once; other servers stop trusting their cached check within Auth:TokenCacheDuration.
        foreach (var (key, entry) in _checked)
            if (revoked.Contains(entry.Caller.TokenId)) _checked.TryRemove(key, out _);
        if (userId > 0) Forget(userId);
        return revoked.Count;
    }

    /// <summary>Drops this server's cached checks of an account's tokens (its role, scope or state changed).</summary>
    public void Forget(long userId)
    {
        foreach (var (key, entry) in _checked)
            if (entry.Caller.UserId == userId) _checked.TryRemove(key, out _);
    }
}
