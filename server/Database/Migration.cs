using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace RiskMap.Server.Database;

/// <summary>One numbered schema change: <c>Migrations/NNNN_name.sql</c>, applied once, in order.</summary>
public sealed partial record Migration(int Version, string Name, string Sql)
{
    public string FileName => $"{Version:D4}_{Name}.sql";

    public string Checksum => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Sql))).ToLowerInvariant();

    /// <summary>Every migration embedded in the server assembly, in version order.</summary>
    public static IReadOnlyList<Migration> Embedded() => FromAssembly(typeof(Migration).Assembly);

    public static IReadOnlyList<Migration> FromAssembly(Assembly assembly)
    {
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var m = ResourceName().Match(resource);
            if (!m.Success) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            list.Add(new Migration(int.Parse(m.Groups["version"].Value), m.Groups["name"].Value, reader.ReadToEnd()));
        }
        var duplicate = list.GroupBy(x => x.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(x => x.FileName))}");
        return list.OrderBy(x => x.Version).ToList();
    }

    [GeneratedRegex(@"\.Migrations\.(?<version>\d{4})_(?<name>[A-Za-z0-9_]+)\.sql$")]
    private static partial Regex ResourceName();
}
