using System.Security.Cryptography;
using System.Text;

namespace RiskMap.Server.Auth;

/// <summary>
/// Bearer tokens as text: "rm_" and 256 random bits in base64url. Only their SHA-256 is stored; a
/// token has enough entropy that an unsalted fast hash cannot be reversed, and a lookup by hash
/// is one index probe.
/// </summary>
public static class TokenText
{
    private const string Prefix = "rm_";

    public static string New() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Whether the text can be a token at all (checked before any database work).</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 46 } && token.StartsWith(Prefix, StringComparison.Ordinal)
        && token.AsSpan(Prefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
