namespace RiskMap.Geodata.Divisions;

/// <summary>
/// Finds the reference data folder: the repository's own copy (<c>geodata/ReferenceData</c>, so a
/// fresh clone needs nothing beside it), else a <c>shared/data</c> folder next to the repository.
/// </summary>
public static class SharedDataDirectory
{
    /// <summary>
    /// Walks up from <paramref name="start"/> (default: the current directory) and returns the
    /// first folder that holds a <c>divisions</c> folder: <c>geodata/ReferenceData</c>, then
    /// <c>shared/data</c>, in each ancestor and beside it.
    /// </summary>
    public static string Find(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[]
            {
                Path.Combine(dir.FullName, "geodata", "ReferenceData"), Path.Combine(dir.FullName, "shared", "data"), Path.Combine(dir.FullName, "data"),
            })
            {
                if (Directory.Exists(Path.Combine(candidate, "divisions"))) return candidate;
            }
        }
        // Worktrees live beside the shared folder under /work, which is not an ancestor of a
        // temporary test directory; fall back to the assembly location.
        var fromAssembly = Path.GetDirectoryName(typeof(SharedDataDirectory).Assembly.Location);
        if (start is null && fromAssembly is not null) return Find(fromAssembly);
        throw new DirectoryNotFoundException(
            $"no shared/data/divisions folder found above '{start ?? Directory.GetCurrentDirectory()}'; pass the data directory explicitly");
    }
}
