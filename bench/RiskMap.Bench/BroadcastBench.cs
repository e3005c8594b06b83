using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RiskMap.Server.Live;

namespace RiskMap.Bench;

/// <summary>
/// The host for bench/live's throughput comparison: one Kestrel process serving a SignalR hub
/// with RiskMap's client contract (IRiskClient, JSON protocol) and a raw WebSocket endpoint.
/// <c>POST /broadcast/{kind}?count=N&amp;perFrame=K</c> sends N units' figures to every connected
/// client as fast as it can, K to a frame:
/// <c>signalr</c> as the live relay does (a <c>Changes</c> frame to the group of the subscribed unit,
/// serialised once per frame), <c>ws</c> by writing the same JSON (the frame's arguments) to every
/// socket concurrently; <c>signalr-unit</c> and <c>ws-unit</c> send one unit a frame as the relay did
/// before frames (a <c>UnitStatsChanged</c> per unit), whatever K.
/// </summary>
public static class BroadcastBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(Option(args, "--port") ?? "8094");
        var inline = args.Contains("--inline");
        var buffer = Option(args, "--buffer") is { } b ? long.Parse(b) : (long?)null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        // --inline: Kestrel runs socket and pipe continuations on the I/O thread instead of its
        // queue (documented as unsafe when application code blocks).
        if (inline) builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<BenchConnections>();
        var app = builder.Build();
        app.UseWebSockets();
        // --buffer N: SignalR's per-connection pipe thresholds (64 KB by default) on both sides.
        app.MapHub<BenchHub>("/hubs/bench", o =>
        {
            if (buffer is not { } size) return;
            o.TransportMaxBufferSize = size;
            o.ApplicationMaxBufferSize = size;
        });
        // The host's processor time so far, so a client can split a run's cost between server and clients.
        app.MapGet("/cpu", () => Results.Ok(new { cpuMs = Environment.CpuUsage.TotalTime.TotalMilliseconds }));
        app.Map("/ws", async (HttpContext http, BenchConnections connections) =>
        {
            if (!http.WebSockets.IsWebSocketRequest) return Results.BadRequest();
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            var id = Guid.NewGuid();
            connections.Sockets[id] = socket;
            var buffer = new byte[1024];
            try
            {
                while (socket.State == WebSocketState.Open)
                    if ((await socket.ReceiveAsync(buffer, http.RequestAborted)).MessageType == WebSocketMessageType.Close) break;
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
            finally { connections.Sockets.TryRemove(id, out _); }
            return Results.Empty;
        });
        app.MapPost("/broadcast/{kind}", async (string kind, int count, int? perFrame, BenchConnections connections, IHubContext<BenchHub, IRiskClient> hub, IHubContext<BenchHub> untyped) =>
        {
            var k = kind.EndsWith("-unit") ? 1 : Math.Max(1, perFrame ?? 1);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count; i += k)
            {
                var stats = Enumerable.Range(i, Math.Min(k, count - i)).Select(Message).ToList();
                var frame = new ChangesMessage(i + stats.Count, stats, [], []);
                switch (kind)
                {
                    case "signalr": await hub.Clients.Group(BenchHub.Group).Changes(frame); break;
                    case "signalr-unit": await untyped.Clients.Group(BenchHub.Group).SendAsync("UnitStatsChanged", stats[0]); break;
                    case "ws": await SendRawAsync(connections, frame); break;
                    case "ws-unit": await SendRawAsync(connections, stats[0]); break;
                }
            }
            return Results.Ok(new { kind, count, perFrame = k, hubConnections = connections.HubIds.Count, sockets = connections.Sockets.Count, elapsedMs = clock.ElapsedMilliseconds });
        });
        Console.WriteLine($"broadcast bench host on http://127.0.0.1:{port}{(inline ? ", inline scheduling" : "")}{(buffer is { } n ? $", SignalR buffers {n} bytes" : "")} (Ctrl-C stops it)");
        await app.RunAsync();
        return 0;
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static Task SendRawAsync<T>(BenchConnections connections, T message)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, JsonSerializerOptions.Web);
        return Task.WhenAll(connections.Sockets.Values.Select(s => s.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None)));
    }

    /// <summary>A village's figures as the relay sends them (~600 bytes of JSON).</summary>
    private static UnitStatsMessage Message(int i) => new()
    {
        Version = i + 1, Kind = "unit", Id = "513431100201", Name = "南坪村", Level = "village", UnitCode = "513431100201",
        Households = 153 + i % 3, Monitored = 21, Level1 = 40, Level2 = 12, Level3 = 3, ShareAtLeastII = 15 / 153.0, ShareIII = 3 / 153.0,
        Assisted = 18, GapShouldMonitor = 2, GapUnassisted = 1, GapShouldExit = 0, IncomeMedian = 9120, Zone = "green",
        ScaleReturn = false, FiguresVersion = i + 1, UpdatedAt = DateTimeOffset.UtcNow,
    };
}

/// <summary>Who is connected to the bench host, by transport.</summary>
public sealed class BenchConnections
{
    public ConcurrentDictionary<string, byte> HubIds { get; } = new();
    public ConcurrentDictionary<Guid, WebSocket> Sockets { get; } = new();
}

/// <summary>A hub with RiskMap's client contract; it only tracks who is connected.</summary>
public sealed class BenchHub(BenchConnections connections) : Hub<IRiskClient>
{
    /// <summary>Every bench connection is subscribed to one unit: its group.</summary>
    public const string Group = "unit:513431100201";

    public override async Task OnConnectedAsync()
    {
        connections.HubIds[Context.ConnectionId] = 0;
        await Groups.AddToGroupAsync(Context.ConnectionId, Group);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.HubIds.TryRemove(Context.ConnectionId, out _);
        return base.OnDisconnectedAsync(exception);
    }
}
