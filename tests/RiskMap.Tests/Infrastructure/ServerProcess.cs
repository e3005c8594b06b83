using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RiskMap.Tests.Infrastructure;

/// <summary>
/// The built server executable run as its own process, the way <c>./riskmap demo</c> runs it,
/// for tests of start-up, shutdown and the managed cluster's lifetime.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, string url)
    {
        _process = process;
        Url = url;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Url { get; }
    public int ProcessId => _process.Id;
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static ServerProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(ServerDll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(url);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("ConnectionStrings__RiskMap");
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        return new ServerProcess(Process.Start(psi)!, url);
    }

    /// <summary>Runs a verb of the server executable (<c>rules set …</c>, as <c>./riskmap</c> does) to its end: its exit code, standard output and error.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunVerbAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(ServerDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("ConnectionStrings__RiskMap");
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Waits until /health answers 200, or fails with the server's output.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                // HasExited can be true before the asynchronous readers have delivered the last
                // lines; WaitForExit() without a timeout waits for redirected output to drain.
                _process.WaitForExit();
                throw new InvalidOperationException($"server exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                if ((await http.GetAsync(Url + "/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            SpinWait.SpinUntil(() => _process.HasExited, TimeSpan.FromMilliseconds(100));
        }
        throw new TimeoutException($"server not healthy within {timeout}:\n{Output}");
    }

    /// <summary>SIGTERM, as Ctrl-C in the launcher forwards it; returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        RiskMap.Server.Database.Posix.Signal(_process.Id, RiskMap.Server.Database.Posix.SigTerm);
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try { await StopAsync(TimeSpan.FromSeconds(30)); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
    }

    private static string ServerDll
    {
        get
        {
            // tests/RiskMap.Tests/bin/<Configuration>/net10.0/ → server/bin/<Configuration>/net10.0/
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            var configuration = testBin.Parent!.Name;
            var root = RiskMap.Server.Database.DatabaseSetup.RepositoryRoot(AppContext.BaseDirectory);
            return Path.Combine(root, "server", "bin", configuration, testBin.Name, "RiskMap.Server.dll");
        }
    }

    /// <summary>A loopback port free now (the OS picks it).</summary>
    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
