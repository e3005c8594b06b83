using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Npgsql;

namespace RiskMap.Server.Auth;

/// <summary>
/// The live hub's open connections and the token each came in with, so a revoked token (or a
/// disabled account) does not keep a wall screen's connection — established before the revocation —
/// receiving data. SignalR itself closes a connection when its token expires.
/// </summary>
public sealed class HubSessions
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long TokenId, HubCallerContext Context)> _open = [];

    public void Opened(HubCallerContext context, Caller caller)
    {
        lock (_lock) _open[context.ConnectionId] = (caller.TokenId, context);
    }

    public void Closed(string connectionId)
    {
        lock (_lock) _open.Remove(connectionId);
    }

    public IReadOnlyCollection<long> TokenIds()
    {
        lock (_lock) return _open.Values.Select(v => v.TokenId).Distinct().ToList();
    }

    /// <summary>
    /// Closes the connections whose token was <paramref name="checkedIds"/> but is not among
    /// <paramref name="valid"/>; returns how many. A connection opened while the check ran (its token
    /// not checked) stays: it was signed in just now, and the next check covers it.
    /// </summary>
    public int CloseRevoked(IReadOnlyCollection<long> checkedIds, IReadOnlySet<long> valid)
    {
        var revoked = checkedIds.Where(id => !valid.Contains(id)).ToHashSet();
        if (revoked.Count == 0) return 0;
        List<HubCallerContext> closing;
        lock (_lock) closing = _open.Values.Where(v => revoked.Contains(v.TokenId)).Select(v => v.Context).ToList();
        foreach (var context in closing) context.Abort();
        return closing.Count;
    }
}

/// <summary>Every Auth:RevalidateInterval, closes hub connections whose tokens were revoked or whose accounts were disabled.</summary>
public sealed class HubSessionRevalidation(HubSessions sessions, AccessTokens tokens, IOptions<AuthOptions> options, TimeProvider time, ILogger<HubSessionRevalidation> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RevalidateInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var ids = sessions.TokenIds();
            if (ids.Count == 0) continue;
            try
            {
                var closed = sessions.CloseRevoked(ids, await tokens.StillValidAsync(ids, stoppingToken));
                if (closed > 0) log.LogInformation("Closed {Count} live connections whose tokens were revoked, expired or disabled", closed);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                // The database is away: connections stay until it answers again (they receive nothing new meanwhile anyway).
                log.LogWarning("Could not revalidate live connections' tokens: {Message}", e.Message);
            }
        }
    }
}
