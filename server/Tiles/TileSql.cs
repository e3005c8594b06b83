using System.Collections.Concurrent;
using System.Text;

namespace RiskMap.Server.Tiles;

/// <summary>The tile statements, embedded from <c>Tiles/Sql/*.sql</c> and loaded by file name.</summary>
public static class TileSql
{
    private static readonly ConcurrentDictionary<string, string> Loaded = new();

    /// <summary>The text of <c>Tiles/Sql/{name}.sql</c>; a missing file is a build defect, so it throws.</summary>
    public static string Get(string name) => Loaded.GetOrAdd(name, static n =>
    {
        var assembly = typeof(TileSql).Assembly;
        var suffix = $".Tiles.Sql.{n}.sql";
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(r => r.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No embedded SQL file Tiles/Sql/{n}.sql");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!, Encoding.UTF8);
        return reader.ReadToEnd();
    });
}
