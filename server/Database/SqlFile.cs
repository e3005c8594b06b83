using System.Collections.Concurrent;
using System.Reflection;

namespace RiskMap.Server.Database;

/// <summary>
/// SQL kept in .sql files beside the code that runs it, embedded in the assembly and loaded by
/// name: <c>SqlFile.Load("Statistics.save_figures")</c> reads <c>server/Statistics/Sql/save_figures.sql</c>.
/// </summary>
public static class SqlFile
{
    private static readonly ConcurrentDictionary<string, string> Cache = new();

    public static string Load(string name) => Cache.GetOrAdd(name, static n =>
    {
        var dot = n.LastIndexOf('.');
        var resource = $"RiskMap.Server.{n[..dot]}.Sql.{n[(dot + 1)..]}.sql";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No embedded SQL file {resource}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
