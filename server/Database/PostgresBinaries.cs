namespace RiskMap.Server.Database;

/// <summary>
/// Finds the PostgreSQL server binaries that have PostGIS beside them (Debian installs each
/// major version under /usr/lib/postgresql/N with its extensions in /usr/share/postgresql/N).
/// </summary>
public sealed record PostgresBinaries(string BinDirectory, int MajorVersion)
{
    public const string InstallHint = "apt-get install -y postgresql-15-postgis-3";

    public string Postgres => Path.Combine(BinDirectory, "postgres");
    public string InitDb => Path.Combine(BinDirectory, "initdb");

    /// <summary>The newest installed major version with PostGIS; a clear error naming the apt package otherwise.</summary>
    public static PostgresBinaries Locate(string libRoot = "/usr/lib/postgresql", string shareRoot = "/usr/share/postgresql")
    {
        var versions = Directory.Exists(libRoot)
            ? Directory.GetDirectories(libRoot)
                .Select(d => int.TryParse(Path.GetFileName(d), out var v) ? v : -1)
                .Where(v => v > 0 && File.Exists(Path.Combine(libRoot, v.ToString(), "bin", "postgres")))
                .OrderDescending()
                .ToList()
            : [];
        if (versions.Count == 0)
            throw new ManagedPostgresException(
                $"PostgreSQL is not installed (no server under {libRoot}). Install it with PostGIS: {InstallHint} (as root), or set ConnectionStrings__RiskMap to an existing PostGIS database.");
        foreach (var v in versions)
        {
            if (File.Exists(Path.Combine(shareRoot, v.ToString(), "extension", "postgis.control")))
                return new PostgresBinaries(Path.Combine(libRoot, v.ToString(), "bin"), v);
        }
        throw new ManagedPostgresException(
            $"PostgreSQL {versions[0]} is installed but PostGIS is not. Install it: apt-get install -y postgresql-{versions[0]}-postgis-3 (as root).");
    }
}

/// <summary>The managed cluster could not be set up or started; the message says why and what to do.</summary>
public sealed class ManagedPostgresException(string message, Exception? inner = null) : Exception(message, inner);
