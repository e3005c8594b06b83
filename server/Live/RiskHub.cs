using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Auth;

namespace RiskMap.Server.Live;

/// <summary>
/// What the server calls on a client (docs/live.md): the named events by default, or, for a
/// connection opened with <c>?frames=1</c>, a tick's changes as one <see cref="Changes"/> frame.
/// </summary>
public interface IRiskClient
{
    /// <summary>The figures of a unit or site changed (its latest in the tick).</summary>
    Task UnitStatsChanged(UnitStatsMessage message);

    /// <summary>An alert was raised.</summary>
    Task AlertRaised(AlertMessage message);

    /// <summary>An alert was acknowledged or escalated.</summary>
    Task AlertUpdated(AlertMessage message);

    /// <summary>An alert was resolved (its condition cleared, or by hand).</summary>
    Task AlertResolved(AlertMessage message);

    /// <summary>The tile areas the tick's changes made stale, to refetch.</summary>
    Task TilesInvalidated(TilesMessage message);

    /// <summary>A tick's figures, alert transitions and tile areas under the units a group subscribed to, in one frame.</summary>
    Task Changes(ChangesMessage message);
}

/// <summary>
/// The live hub at /hubs/risk. A client subscribes to units (province to village) and from then on
/// receives the statistics changes, alerts and tile invalidations under them, and nothing else.
/// After a reconnect it calls <see cref="Resume"/> with the last version it saw and misses nothing.
/// Every connection carries a token (docs/security.md): units outside its area are refused as
/// unknown, and what it receives is what its role may see.
/// </summary>
public sealed class RiskHub(LiveSubscriptions subscriptions, LiveCatchUpReader catchUp, HubSessions sessions, IOptions<PrivacyOptions> privacy)
    : Hub<IRiskClient>
{
    private Caller Caller => Caller.From(Context.User) ?? throw new HubException("sign in first");

    /// <summary>Starts delivery for <paramref name="unitCode"/>; returns the version now, the unit's figures and the open alerts under it.</summary>
    public async Task<SubscriptionSnapshot> Subscribe(string unitCode)
    {
        var caller = Caller;
        var unit = await ParseAsync(unitCode, caller);
        await JoinAsync(unit, caller);
        return (await catchUp.SnapshotAsync(unit, Context.ConnectionAborted)).For(caller.SeesHouseholds, SmallCounts.For(caller, privacy.Value));
    }

    /// <summary>Starts (again) delivery for <paramref name="unitCode"/> and returns every change under it after <paramref name="afterVersion"/>.</summary>
    public async Task<CatchUp> Resume(string unitCode, long afterVersion)
    {
        if (afterVersion < 0) throw new HubException("afterVersion must not be negative");
        var caller = Caller;
        var unit = await ParseAsync(unitCode, caller);
        await JoinAsync(unit, caller);
        return (await catchUp.ChangesAfterAsync(unit, afterVersion, Context.ConnectionAborted)).For(caller.SeesHouseholds, SmallCounts.For(caller, privacy.Value));
    }

    /// <summary>Stops delivery for <paramref name="unitCode"/> to this connection.</summary>
    public async Task Unsubscribe(string unitCode)
    {
        if (!UnitCode.TryParse(unitCode, out var unit)) return;
        foreach (var scope in subscriptions.Remove(Context.ConnectionId, unit))
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, scope.Group);
    }

    public override Task OnConnectedAsync()
    {
        sessions.Opened(Context, Caller);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.RemoveConnection(Context.ConnectionId);
        sessions.Closed(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    // Joined before the snapshot or catch-up is read, so nothing committed after it is missed; the
    // group is the one of the caller's audience (household data or not).
    private async Task JoinAsync(UnitCode unit, Caller caller)
    {
        var scope = subscriptions.Add(Context.ConnectionId, unit, caller.SeesHouseholds, TakesFrames);
        await Groups.AddToGroupAsync(Context.ConnectionId, scope.Group);
    }

    /// <summary>Whether the connection was opened asking for frames (<c>/hubs/risk?frames=1</c>), as the viewer does.</summary>
    private bool TakesFrames => Context.GetHttpContext()?.Request.Query["frames"].ToString() is "1" or "true";

    /// <summary>The unit, when it exists in the caller's area; one outside it is refused as one that does not exist.</summary>
    private async Task<UnitCode> ParseAsync(string unitCode, Caller caller)
    {
        if (!UnitCode.TryParse(unitCode, out var unit))
            throw new HubException($"unitCode '{unitCode}' is not a division code of 2, 4, 6, 9 or 12 digits");
        if (!caller.Scope.Contains(unit) || !await catchUp.UnitExistsAsync(unit, Context.ConnectionAborted))
            throw new HubException($"unitCode '{unitCode}' names no unit in your area");
        return unit;
    }
}
