using System.Runtime.InteropServices;

namespace RiskMap.Server.Database;

/// <summary>The two libc calls .NET has no API for: who we are, and a signal other than SIGKILL.</summary>
internal static class Posix
{
    public const int SigInt = 2;
    public const int SigQuit = 3;
    public const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEuid();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int sig);

    public static bool IsRoot => GetEuid() == 0;

    public static bool Signal(int pid, int sig) => Kill(pid, sig) == 0;
}
