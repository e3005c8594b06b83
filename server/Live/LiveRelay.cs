using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;
using RiskMap.Server.Statistics;
using RiskMap.Server.Tiles;

namespace RiskMap.Server.Live;

/// <summary>
/// Carries the live change log to this server's SignalR clients. Wakes on a NOTIFY from any
/// server sharing the database (or every poll interval), reads the rows after the last it sent,
/// evicts this server's cached tiles for the changed units and sites, and pushes to each group of
/// subscribers concerned the latest figures once per changed subject, every alert transition in
/// order and the changed tile areas: as one Changes frame to the groups that asked for frames, as
/// the named events to the others. After sending it waits one tick, so changes committed meanwhile
/// coalesce into the next.
/// </summary>
public sealed class LiveRelay(
    NpgsqlDataSource db, LiveSubscriptions subscriptions, IHubContext<RiskHub, IRiskClient> hub, TileInvalidator tiles,
    IOptions<LiveOptions> options, IOptions<PrivacyOptions> privacy, TimeProvider time, ILogger<LiveRelay> log) : BackgroundService
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long _position = -1;

    /// <summary>The last log position this server has pushed (-1 before it started).</summary>
    public long Position => Interlocked.Read(ref _position);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        _position = await StartPositionAsync(stoppingToken);
        var listening = ListenAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WaitForWakeAsync(o.PollInterval, stoppingToken);
                await PumpAsync(o.ReadLimit, stoppingToken);
                await Task.Delay(o.Tick, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                log.LogWarning("Live relay could not read the change log, will retry: {Message}", e.Message);
                try { await Task.Delay(o.PollInterval, time, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        await listening;
    }

    private async Task<long> StartPositionAsync(CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await using var conn = await db.OpenConnectionAsync(ct);
                return (await LiveLog.BoundsAsync(conn, null, ct)).Newest;
            }
            catch (NpgsqlException e)
            {
                log.LogWarning("Live relay waiting for the database: {Message}", e.Message);
                await Task.Delay(options.Value.PollInterval, time, ct);
            }
        }
    }

    private async Task WaitForWakeAsync(TimeSpan poll, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(poll, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await _wake.Reader.WaitToReadAsync(linked.Token);
            _wake.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
    }

    /// <summary>Sends everything committed after <see cref="Position"/>.</summary>
    private async Task PumpAsync(int limit, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        while (true)
        {
            var rows = await LiveLog.ReadAfterAsync(conn, Position, limit, ct);
            if (rows.Count == 0) return;
            await DispatchAsync(rows, ct);
            Interlocked.Exchange(ref _position, rows[^1].Seq);
            if (rows.Count < limit) return;
        }
    }

    private async Task DispatchAsync(List<LiveEntry> rows, CancellationToken ct)
    {
        var read = time.GetUtcNow();
        // The latest figures per subject: many changes of one unit in a tick become one entry.
        var latest = new Dictionary<(string, string), UnitStatsMessage>();
        foreach (var row in rows.Where(r => r.Kind == "stats"))
        {
            var m = LiveMessageJson.Stats(row);
            latest[(m.Kind, m.Id)] = m;
        }
        var stats = latest.Values.OrderBy(m => m.Version).ToList();
        var areas = await InvalidateTilesAsync(stats, ct);

        // What each SignalR group of a subscribed unit at or above each change is sent, serialised once
        // per message for all its connections. A connection subscribed to two of them hears a change twice:
        // clients apply changes idempotently by version, and most subscribe to one unit. Groups of
        // subscribers without household access get small counts withheld and household alerts
        // without ids.
        var counts = SmallCounts.Of(privacy.Value.MinimumCount);
        var frames = new Dictionary<LiveScope, Frame>();
        Frame FrameOf(LiveScope scope) => frames.TryGetValue(scope, out var f) ? f : frames[scope] = new Frame();
        foreach (var m in stats)
        {
            var scopes = subscriptions.SubscribedScopes(new UnitCode(long.Parse(m.UnitCode)));
            if (scopes.Count == 0) continue;
            UnitStatsMessage? withheld = null;
            areas.TryGetValue((m.Kind, long.Parse(m.Id)), out var changed);
            foreach (var scope in scopes)
            {
                var frame = FrameOf(scope);
                frame.Stats.Add(scope.SeesHouseholds ? m : withheld ??= m.Withholding(counts));
                if (changed is not null) frame.Tiles.AddRange(changed);
            }
        }
        foreach (var row in rows.Where(r => r.Kind == "alert"))
        {
            var m = LiveMessageJson.Alert(row);
            foreach (var scope in subscriptions.SubscribedScopes(new UnitCode(long.Parse(m.UnitCode))))
                FrameOf(scope).Alerts.Add(m.For(scope.SeesHouseholds));
        }
        // The tick's position, not its last figures': the frame holds everything up to it, so a
        // client that applied it resumes after it and misses nothing.
        var version = rows[^1].Seq;
        var sending = time.GetUtcNow();
        await Task.WhenAll(frames.Select(f => f.Key.Frames
            ? hub.Clients.Group(f.Key.Group).Changes(new ChangesMessage(version, f.Value.Stats, f.Value.Alerts, f.Value.Tiles))
            : SendEventsAsync(hub.Clients.Group(f.Key.Group), version, f.Value)));
        if (stats.Count > 0 && frames.Count > 0 && log.IsEnabled(LogLevel.Debug)) LogSent(version, frames.Count, stats, read, sending);
    }

    /// <summary>
    /// The server's share of a change's delivery time, for bench/live (debug level): from the oldest
    /// figures of the tick being saved (their updatedAt, in the write's transaction) to the relay
    /// having read them from the log (the rest of the write, commit, NOTIFY, the read), to it
    /// starting to send (after evicting tiles), and to every frame of the tick being written to its
    /// connections (the SignalR transports put them on the sockets from there). The rest of what a
    /// client measures is the sockets, its own process and its queue.
    /// </summary>
    private void LogSent(long version, int frames, List<UnitStatsMessage> stats, DateTimeOffset read, DateTimeOffset sending)
    {
        var saved = stats.Min(m => m.UpdatedAt);
        var sent = time.GetUtcNow();
        log.LogDebug("Live relay sent version {Version}: {Frames} frames, {Figures} figures; saved +{ReadMs:0.0} ms read, +{SendingMs:0.0} ms sending, +{SentMs:0.0} ms written to every connection",
            version, frames, stats.Count, (read - saved).TotalMilliseconds, (sending - saved).TotalMilliseconds, (sent - saved).TotalMilliseconds);
    }

    /// <summary>
    /// A tick's changes as the named events, one after the other in log order (figures and alert
    /// transitions by version), then the tile areas at the tick's version: a client that saw a
    /// version has seen everything below it, so resuming after it misses nothing.
    /// </summary>
    private static async Task SendEventsAsync(IRiskClient client, long version, Frame frame)
    {
        int s = 0, a = 0;
        while (s < frame.Stats.Count || a < frame.Alerts.Count)
        {
            if (a == frame.Alerts.Count || (s < frame.Stats.Count && frame.Stats[s].Version <= frame.Alerts[a].Version))
            {
                await client.UnitStatsChanged(frame.Stats[s++]);
                continue;
            }
            var alert = frame.Alerts[a++];
            await (alert.Event switch
            {
                "raised" => client.AlertRaised(alert),
                "resolved" => client.AlertResolved(alert),
                _ => client.AlertUpdated(alert),
            });
        }
        if (frame.Tiles.Count > 0) await client.TilesInvalidated(new TilesMessage(version, frame.Tiles));
    }

    /// <summary>What one group of subscribers is sent for a tick.</summary>
    private sealed class Frame
    {
        public List<UnitStatsMessage> Stats { get; } = [];
        public List<AlertMessage> Alerts { get; } = [];
        public List<TileArea> Tiles { get; } = [];
    }

    /// <summary>Evicts this server's cached tiles of the changed subjects; returns the changed areas per subject.</summary>
    private async Task<Dictionary<(string, long), List<TileArea>>> InvalidateTilesAsync(List<UnitStatsMessage> stats, CancellationToken ct)
    {
        var result = new Dictionary<(string, long), List<TileArea>>();
        var units = stats.Where(m => m.Kind == SubjectKind.Unit).Select(m => long.Parse(m.Id)).ToList();
        var sites = stats.Where(m => m.Kind == SubjectKind.Site).Select(m => long.Parse(m.Id)).ToList();
        if (units.Count > 0) Collect(SubjectKind.Unit, await tiles.InvalidateUnitsAsync(units, ct));
        if (sites.Count > 0) Collect(SubjectKind.Site, await tiles.InvalidateSitesAsync(sites, ct));
        return result;

        void Collect(string kind, TilesInvalidated invalidated)
        {
            foreach (var area in invalidated.Areas)
            {
                if (area.Subject is not long subject) continue;
                if (!result.TryGetValue((kind, subject), out var list)) result[(kind, subject)] = list = [];
                list.Add(new TileArea(area.Layer, [area.Box.West, area.Box.South, area.Box.East, area.Box.North]));
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var conn = await db.OpenConnectionAsync(ct);
                conn.Notification += (_, _) => _wake.Writer.TryWrite(true);
                await using (var listen = new NpgsqlCommand(SqlFile.Load("Live.listen"), conn))
                    await listen.ExecuteNonQueryAsync(ct);
                // Anything committed while no connection listened is read now.
                _wake.Writer.TryWrite(true);
                try
                {
                    while (true) await conn.WaitAsync(ct);
                }
                finally
                {
                    // Pooled sessions are not reset (DatabaseSetup): stop listening before it goes back.
                    if (conn.State == System.Data.ConnectionState.Open)
                    {
                        await using var unlisten = new NpgsqlCommand(SqlFile.Load("Live.unlisten"), conn);
                        await unlisten.ExecuteNonQueryAsync(CancellationToken.None);
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
            {
                log.LogWarning("Live relay lost its LISTEN connection, reconnecting: {Message}", e.Message);
                try { await Task.Delay(TimeSpan.FromSeconds(1), time, ct); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
