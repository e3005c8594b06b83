namespace RiskMap.Server.Database;

/// <summary>
/// The postmaster.pid lock file PostgreSQL writes in its data directory: line 1 the process id,
/// line 4 the port. Read to find a cluster that is already running, or one that died and left it.
/// </summary>
internal sealed record PostmasterPid(int ProcessId, int Port)
{
    public static PostmasterPid? Read(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "postmaster.pid");
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (FileNotFoundException) { return null; }
        catch (DirectoryNotFoundException) { return null; }
        if (lines.Length < 4 || !int.TryParse(lines[0].Trim(), out var pid) || !int.TryParse(lines[3].Trim(), out var port))
            return new PostmasterPid(0, 0); // half-written by a crash during start-up: stale
        return new PostmasterPid(pid, port);
    }

    /// <summary>True when the recorded process exists and is a postgres server on this data directory.</summary>
    public bool IsAlive(string dataDirectory)
    {
        if (ProcessId <= 0) return false;
        try
        {
            var cmdline = File.ReadAllText($"/proc/{ProcessId}/cmdline").Split('\0');
            return cmdline.Length > 0 && Path.GetFileName(cmdline[0]) == "postgres"
                && cmdline.Contains(Path.GetFullPath(dataDirectory));
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    public static void Delete(string dataDirectory) => File.Delete(Path.Combine(dataDirectory, "postmaster.pid"));
}
