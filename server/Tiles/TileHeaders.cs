using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace RiskMap.Server.Tiles;

/// <summary>
/// The two request headers every tile request carries, read in place (no parsed header objects,
/// no split strings): a cached tile's answer allocates nothing for them.
/// </summary>
public static class TileHeaders
{
    /// <summary>True when <c>Accept-Encoding</c> names gzip or <c>*</c> with a quality above 0.</summary>
    public static bool AcceptsGzip(StringValues acceptEncoding)
    {
        foreach (var value in acceptEncoding)
        {
            var rest = value.AsSpan();
            for (var item = NextItem(ref rest); !item.IsEmpty; item = NextItem(ref rest))
            {
                var semicolon = item.IndexOf(';');
                var coding = (semicolon < 0 ? item : item[..semicolon]).Trim();
                if (!coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) && !coding.SequenceEqual("*")) continue;
                if (semicolon < 0 || Quality(item[(semicolon + 1)..]) > 0) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// True when <c>If-None-Match</c> lists <paramref name="etag"/> or <c>*</c>. The weak comparison
    /// (RFC 9110 § 13.1.2): a W/ prefix added by a proxy still matches.
    /// </summary>
    public static bool Matches(StringValues ifNoneMatch, string etag)
    {
        foreach (var value in ifNoneMatch)
        {
            var rest = value.AsSpan();
            for (var item = NextItem(ref rest); !item.IsEmpty; item = NextItem(ref rest))
            {
                if (item.StartsWith("W/", StringComparison.Ordinal)) item = item[2..];
                if (item.SequenceEqual("*") || item.SequenceEqual(etag)) return true;
            }
        }
        return false;
    }

    // The next non-empty, trimmed comma-separated item; empty when none is left.
    private static ReadOnlySpan<char> NextItem(ref ReadOnlySpan<char> rest)
    {
        while (!rest.IsEmpty)
        {
            var comma = rest.IndexOf(',');
            var item = (comma < 0 ? rest : rest[..comma]).Trim();
            rest = comma < 0 ? [] : rest[(comma + 1)..];
            if (!item.IsEmpty) return item;
        }
        return [];
    }

    // The q parameter among "; q=0.5; …"; 1 when absent, 0 when unreadable (such an item is refused).
    private static double Quality(ReadOnlySpan<char> parameters)
    {
        foreach (var range in parameters.Split(';'))
        {
            var p = parameters[range].Trim();
            if (p.Length < 2 || (p[0] != 'q' && p[0] != 'Q') || p[1] != '=') continue;
            return double.TryParse(p[2..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) ? q : 0;
        }
        return 1;
    }
}
