using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;
using RiskMap.Server.Demo;

namespace RiskMap.Server.Cli;

/// <summary>
/// <c>./riskmap users …</c>: accounts and tokens from the machine RiskMap runs on (it acts with the
/// whole country as its scope, as the operating-system user who runs it). Passwords are never
/// arguments (they would show in the process list): one is generated and printed once, or read
/// from standard input with <c>--password-stdin</c>. Exit codes: 0 done, 1 refused, 2 wrong arguments.
/// </summary>
public static class UserVerbs
{
    public const string Usage = """
        usage: ./riskmap users add NAME --role leader|planner|data-officer|administrator --scope CODE|all [--name "显示名"] [--password-stdin | --no-password]
               ./riskmap users list
               ./riskmap users passwd NAME [--password-stdin]
               ./riskmap users disable NAME | enable NAME
               ./riskmap users token NAME [--device] [--label TEXT] [--days N]
               ./riskmap users tokens [NAME]
               ./riskmap users revoke TOKEN_ID
        """;

    /// <summary>Options of the users verb and whether each takes a value.</summary>
    public static readonly IReadOnlyDictionary<string, bool> Options = new Dictionary<string, bool>
    {
        ["--role"] = true, ["--scope"] = true, ["--name"] = true, ["--label"] = true, ["--days"] = true,
        ["--device"] = false, ["--password-stdin"] = false, ["--no-password"] = false,
    };

    private const string DemoAdmin = "demo-admin";
    private const string DemoWallLabel = "demo wall screen";

    private static string Actor => $"cli:{Environment.UserName}";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length == 0) return Fail(2, Usage);
        var accounts = services.GetRequiredService<UserAccounts>();
        var tokens = services.GetRequiredService<AccessTokens>();
        var (positional, options) = Parse(args.Skip(1));
        var ct = CancellationToken.None;
        return args[0] switch
        {
            "add" when positional.Count == 1 => await AddAsync(accounts, positional[0], options, ct),
            "list" when positional.Count == 0 => await ListAsync(accounts, ct),
            "passwd" when positional.Count == 1 => await PasswordAsync(accounts, positional[0], options, ct),
            "disable" or "enable" when positional.Count == 1 => await EnableAsync(accounts, tokens, positional[0], args[0] == "enable", ct),
            "token" when positional.Count == 1 => await TokenAsync(accounts, tokens, positional[0], options, ct),
            "tokens" when positional.Count <= 1 => await TokensAsync(tokens, positional.FirstOrDefault(), ct),
            "revoke" when positional.Count == 1 => await RevokeAsync(tokens, positional[0], ct),
            "demo" when positional.Count == 0 => await DemoAsync(services, accounts, tokens, ct),
            _ => Fail(2, Usage),
        };
    }

    private static async Task<int> AddAsync(UserAccounts accounts, string name, Dictionary<string, string?> o, CancellationToken ct)
    {
        var username = name.Trim().ToLowerInvariant();
        if (UserAccounts.CheckUsername(username) is { } badName) return Fail(2, badName);
        if (!Roles.TryParse(o.GetValueOrDefault("--role"), out var role)) return Fail(2, $"--role is one of {string.Join(", ", Roles.Keys)}");
        if (!o.ContainsKey("--scope") || !AreaScope.TryParse(o["--scope"], out var scope)) return Fail(2, "--scope is a unit code of 2 to 12 digits (513431 = 昭觉县), or all");
        var (password, generated) = o.ContainsKey("--no-password") ? (null, false) : ReadPassword(o);
        if (password is not null && accounts.CheckPassword(password) is { } badPassword) return Fail(1, badPassword);
        var display = o.GetValueOrDefault("--name") is { Length: > 0 } n ? n : username;
        if (await accounts.AddAsync(username, display, role, scope, password, Actor, ct) is null) return Fail(1, $"an account named '{username}' exists");
        Console.WriteLine($"riskmap: added {username} ({role.Key()}, scope {scope})");
        if (generated) Console.WriteLine($"  password: {password}   (shown once; ./riskmap users passwd {username} sets a new one)");
        return 0;
    }

    private static async Task<int> ListAsync(UserAccounts accounts, CancellationToken ct)
    {
        foreach (var a in await accounts.ListAsync(AreaScope.Everywhere, ct))
            Console.WriteLine($"{a.Username,-24} {a.Role.Key(),-14} {a.Scope,-13} {(a.Disabled ? "disabled" : a.HasPassword ? "password" : "tokens only"),-12} {a.DisplayName}");
        return 0;
    }

    private static async Task<int> PasswordAsync(UserAccounts accounts, string name, Dictionary<string, string?> o, CancellationToken ct)
    {
        if (await accounts.FindAsync(name.Trim().ToLowerInvariant(), ct) is not { } account) return Fail(1, $"no account '{name}'");
        var (password, generated) = ReadPassword(o);
        if (accounts.CheckPassword(password) is { } bad) return Fail(1, bad);
        await accounts.ChangeAsync(account.UserId, new AccountChange(Password: password), ct);
        Console.WriteLine($"riskmap: new password for {account.Username}{(generated ? $": {password}   (shown once)" : "")}");
        return 0;
    }

    private static async Task<int> EnableAsync(UserAccounts accounts, AccessTokens tokens, string name, bool enable, CancellationToken ct)
    {
        if (await accounts.FindAsync(name.Trim().ToLowerInvariant(), ct) is not { } account) return Fail(1, $"no account '{name}'");
        await accounts.ChangeAsync(account.UserId, new AccountChange(Disabled: !enable), ct);
        var revoked = enable ? 0 : await tokens.RevokeAllAsync(account.UserId, Actor, ct);
        Console.WriteLine($"riskmap: {account.Username} {(enable ? "enabled" : $"disabled, {revoked} tokens revoked")}");
        return 0;
    }

    private static async Task<int> TokenAsync(UserAccounts accounts, AccessTokens tokens, string name, Dictionary<string, string?> o, CancellationToken ct)
    {
        if (await accounts.FindAsync(name.Trim().ToLowerInvariant(), ct) is not { } account) return Fail(1, $"no account '{name}'");
        if (account.Disabled) return Fail(1, $"{account.Username} is disabled");
        var kind = o.ContainsKey("--device") ? TokenKind.Device : TokenKind.Session;
        TimeSpan? lifetime = null;
        if (o.GetValueOrDefault("--days") is { } text)
        {
            if (!double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var days) || days <= 0 || days > 3660) return Fail(2, "--days is a number above 0 and at most 3660");
            lifetime = TimeSpan.FromDays(days);
        }
        var label = o.GetValueOrDefault("--label") is { Length: > 0 } l ? l : kind == TokenKind.Device ? "device" : "cli";
        var issued = await tokens.IssueAsync(account.UserId, kind, label, lifetime, Actor, ct);
        Console.WriteLine($"riskmap: token {issued.TokenId} for {account.Username} ({issued.Kind}{(kind == TokenKind.Device ? ", view only" : "")}, until {issued.ExpiresAt:yyyy-MM-dd HH:mm} UTC; shown once):");
        Console.WriteLine(issued.Token);
        return 0;
    }

    private static async Task<int> TokensAsync(AccessTokens tokens, string? name, CancellationToken ct)
    {
        foreach (var t in await tokens.ListAsync(AreaScope.Everywhere, name?.Trim().ToLowerInvariant(), includeInactive: false, ct))
            Console.WriteLine($"{t.TokenId,6} {t.Username,-24} {t.Kind,-8} until {t.ExpiresAt:yyyy-MM-dd HH:mm}  {t.Label}");
        return 0;
    }

    private static async Task<int> RevokeAsync(AccessTokens tokens, string id, CancellationToken ct)
    {
        if (!long.TryParse(id, out var tokenId)) return Fail(2, "usage: ./riskmap users revoke TOKEN_ID (the number ./riskmap users tokens lists)");
        if (!await tokens.RevokeAsync(tokenId, Actor, ct)) return Fail(1, $"no active token {tokenId}");
        Console.WriteLine($"riskmap: token {tokenId} revoked (servers stop accepting it within Auth:TokenCacheDuration)");
        return 0;
    }

    /// <summary>
    /// For <c>./riskmap demo</c>: the demo administrator (created once; its generated password kept in
    /// .riskmap/demo-admin-password beside the managed cluster) and a fresh view-only device token for
    /// the window the launcher opens (the previous one is revoked). Prints KEY=value lines.
    /// </summary>
    private static async Task<int> DemoAsync(IServiceProvider services, UserAccounts accounts, AccessTokens tokens, CancellationToken ct)
    {
        var root = AreaScope.Of(services.GetRequiredService<IOptions<DemoOptions>>().Value.RootCode);
        var file = Path.Combine(DatabaseSetup.RepositoryRoot(Directory.GetCurrentDirectory()), ".riskmap", "demo-admin-password");
        var password = File.Exists(file) ? (await File.ReadAllTextAsync(file, ct)).Trim() : null;
        var account = await accounts.FindAsync(DemoAdmin, ct);
        if (account is null || password is null || await accounts.VerifyAsync(DemoAdmin, password, ct) is null)
        {
            password = NewPassword();
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, password + "\n", ct);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            account ??= await accounts.AddAsync(DemoAdmin, "演示管理员 demo administrator", Role.Administrator, root, null, Actor, ct);
            await accounts.ChangeAsync(account!.UserId, new AccountChange(Password: password, Disabled: false), ct);
        }
        if (account!.Scope != root) await accounts.ChangeAsync(account.UserId, new AccountChange(Scope: root), ct);
        foreach (var old in (await tokens.ListAsync(AreaScope.Everywhere, DemoAdmin, false, ct)).Where(t => t.Label == DemoWallLabel))
            await tokens.RevokeAsync(old.TokenId, Actor, ct);
        var device = await tokens.IssueAsync(account.UserId, TokenKind.Device, DemoWallLabel, null, Actor, ct);
        Console.WriteLine($"RISKMAP_DEMO_USER={DemoAdmin}");
        Console.WriteLine($"RISKMAP_DEMO_PASSWORD={password}");
        Console.WriteLine($"RISKMAP_DEMO_SCOPE={root}");
        Console.WriteLine($"RISKMAP_DEMO_TOKEN={device.Token}");
        return 0;
    }

    private static (string Password, bool Generated) ReadPassword(Dictionary<string, string?> o)
    {
        if (!o.ContainsKey("--password-stdin")) return (NewPassword(), true);
        return ((Console.In.ReadLine() ?? "").TrimEnd('\r', '\n'), false);
    }

    /// <summary>16 characters from an alphabet without look-alikes (~93 bits).</summary>
    private static string NewPassword() => RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);

    private static (List<string> Positional, Dictionary<string, string?> Options) Parse(IEnumerable<string> args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string?>();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var a = e.Current;
            var eq = a.IndexOf('=');
            var name = eq > 0 ? a[..eq] : a;
            if (!Options.TryGetValue(name, out var takesValue)) { positional.Add(a); continue; }
            options[name] = !takesValue ? null : eq > 0 ? a[(eq + 1)..] : e.MoveNext() ? e.Current : "";
        }
        return (positional, options);
    }

    private static int Fail(int code, string text)
    {
        Console.Error.WriteLine($"riskmap: {text}");
        return code;
    }
}
