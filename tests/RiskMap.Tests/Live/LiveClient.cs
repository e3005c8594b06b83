using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using RiskMap.Server.Database;

namespace RiskMap.Tests.Live;

/// <summary>
/// One message a client received (live-client.cjs): its name (UnitStatsChanged, AlertRaised,
/// AlertUpdated, AlertResolved, TilesInvalidated), its payload, and for a client taking frames the
/// number of the Changes frame it was part of (0 for the named events).
/// </summary>
public sealed record Received(string Name, JsonObject Data, long Frame, long ReceivedAtMs);

/// <summary>
/// A real @microsoft/signalr client (viewer/node_modules) in a node process, connected to a hub
/// URL, driven over stdin/stdout. Keeps every message it receives, in order.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly Process _node;
    private readonly List<Received> _messages = [];
    private TaskCompletionSource _arrival = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<int, TaskCompletionSource<JsonNode?>> _calls = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _stderr = [];
    private int _nextId;

    private LiveClient(Process node)
    {
        _node = node;
        node.OutputDataReceived += (_, e) => { if (e.Data is not null) OnLine(e.Data); };
        node.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.Add(e.Data); };
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
    }

    /// <summary>
    /// Connects with <paramref name="token"/> (as the viewer does: <c>accessTokenFactory</c>), or with none;
    /// taking the named events (the hub's contract), or with <paramref name="frames"/> one Changes frame a tick as the viewer does.
    /// </summary>
    public static async Task<LiveClient> ConnectAsync(string serverUrl, string? token, bool frames = false)
    {
        var root = DatabaseSetup.RepositoryRoot(AppContext.BaseDirectory);
        var psi = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Live", "live-client.cjs"));
        psi.ArgumentList.Add(serverUrl.TrimEnd('/') + "/hubs/risk");
        psi.ArgumentList.Add(token ?? "-");
        psi.ArgumentList.Add(frames ? "frames" : "events");
        psi.Environment["NODE_PATH"] = Path.Combine(root, "viewer", "node_modules");
        var client = new LiveClient(Process.Start(psi)!);
        var exited = client._node.WaitForExitAsync();
        var first = await Task.WhenAny(client._ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(20)));
        if (first == client._ready.Task) { await first; return client; }
        if (first == exited) await exited; // let the last stderr lines arrive
        string stderr;
        lock (client._stderr) stderr = string.Join("\n", client._stderr);
        await client.DisposeAsync();
        throw new InvalidOperationException($"the node SignalR client did not connect to {serverUrl} ({(first == exited ? "it exited" : "timed out")}); " +
            $"is viewer/node_modules installed (npm ci)? stderr:\n{stderr}");
    }

    public IReadOnlyList<Received> Messages { get { lock (_messages) return [.. _messages]; } }

    public Task<JsonNode?> SubscribeAsync(long unit) => CallAsync(new JsonObject { ["op"] = "subscribe", ["unit"] = unit.ToString() });

    public Task<JsonNode?> ResumeAsync(long unit, long after) => CallAsync(new JsonObject { ["op"] = "resume", ["unit"] = unit.ToString(), ["after"] = after });

    /// <summary>Closes the connection (as a network drop would); <see cref="StartAsync"/> opens a new one.</summary>
    public Task StopAsync() => CallAsync(new JsonObject { ["op"] = "stop" });

    public Task StartAsync() => CallAsync(new JsonObject { ["op"] = "start" });

    /// <summary>Calls the hub; a hub error becomes an <see cref="InvalidOperationException"/> with its message.</summary>
    public async Task<JsonNode?> CallAsync(JsonObject command)
    {
        var tcs = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_calls)
        {
            command["id"] = ++_nextId;
            _calls[_nextId] = tcs;
        }
        await _node.StandardInput.WriteLineAsync(command.ToJsonString());
        await _node.StandardInput.FlushAsync();
        return await tcs.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>Waits for the first message (received so far or later) matching <paramref name="match"/>.</summary>
    public async Task<Received> WaitForAsync(string name, Func<JsonObject, bool> match, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        using var expiry = new CancellationTokenSource(limit);
        while (true)
        {
            Task arrival;
            lock (_messages)
            {
                var found = _messages.FirstOrDefault(m => m.Name == name && match(m.Data));
                if (found is not null) return found;
                arrival = _arrival.Task;
            }
            try { await arrival.WaitAsync(expiry.Token); }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no {name} matching within {limit}; received: {string.Join(", ", Messages.Select(m => m.Name))}; stderr: {string.Join("\n", _stderr)}");
            }
        }
    }

    private void OnLine(string line)
    {
        JsonObject o;
        try { o = JsonNode.Parse(line)!.AsObject(); }
        catch (JsonException) { lock (_stderr) _stderr.Add(line); return; }
        switch ((string?)o["type"])
        {
            case "ready": _ready.TrySetResult(); break;
            case "failed": _ready.TrySetException(new InvalidOperationException((string?)o["error"])); break;
            case "message":
                lock (_messages)
                {
                    _messages.Add(new Received((string)o["name"]!, o["data"]!.AsObject(), (long)o["frame"]!, (long)o["receivedAt"]!));
                    // Wakes every waiter; the next message has a new signal.
                    _arrival.TrySetResult();
                    _arrival = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
                break;
            case "result":
                TaskCompletionSource<JsonNode?>? call;
                lock (_calls) _calls.Remove((int)o["id"]!, out call);
                if ((bool)o["ok"]!) call?.TrySetResult(o["value"]?.DeepClone());
                else call?.TrySetException(new InvalidOperationException((string?)o["error"]));
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _node.StandardInput.Close();
            await _node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or IOException) { }
        if (!_node.HasExited) _node.Kill(entireProcessTree: true);
        _node.Dispose();
    }
}
