using Microsoft.AspNetCore.SignalR;
using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Live;

/// <summary>What the server calls on a client (docs/live.md).</summary>
public interface IRiskClient
{
    Task UnitStatsChanged(UnitStatsMessage message);
    Task AlertRaised(AlertMessage message);
    Task AlertUpdated(AlertMessage message);
    Task AlertResolved(AlertMessage message);
    Task TilesInvalidated(TilesMessage message);
}

/// <summary>
/// The live hub at /hubs/risk. A client subscribes to units (province to village) and from then on
/// receives the statistics changes, alerts and tile invalidations under them, and nothing else.
/// After a reconnect it calls <see cref="Resume"/> with the last version it saw and misses nothing.
/// </summary>
public sealed class RiskHub(LiveSubscriptions subscriptions, LiveCatchUpReader catchUp) : Hub<IRiskClient>
{
    /// <summary>Starts delivery for <paramref name="unitCode"/>; returns the version now, the unit's figures and the open alerts under it.</summary>
    public async Task<SubscriptionSnapshot> Subscribe(string unitCode)
    {
        var unit = await ParseAsync(unitCode);
        await JoinAsync(unit);
        return await catchUp.SnapshotAsync(unit, Context.ConnectionAborted);
    }

    /// <summary>Starts (again) delivery for <paramref name="unitCode"/> and returns every change under it after <paramref name="afterVersion"/>.</summary>
    public async Task<CatchUp> Resume(string unitCode, long afterVersion)
    {
        if (afterVersion < 0) throw new HubException("afterVersion must not be negative");
        var unit = await ParseAsync(unitCode);
        await JoinAsync(unit);
        return await catchUp.ChangesAfterAsync(unit, afterVersion, Context.ConnectionAborted);
    }

    /// <summary>Stops delivery for <paramref name="unitCode"/> to this connection.</summary>
    public async Task Unsubscribe(string unitCode)
    {
        if (!UnitCode.TryParse(unitCode, out var unit)) return;
        subscriptions.Remove(Context.ConnectionId, unit);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveSubscriptions.GroupOf(unit.Value));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.RemoveConnection(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    // Joined before the snapshot or catch-up is read, so nothing committed after it is missed.
    private async Task JoinAsync(UnitCode unit)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveSubscriptions.GroupOf(unit.Value));
        subscriptions.Add(Context.ConnectionId, unit);
    }

    private async Task<UnitCode> ParseAsync(string unitCode)
    {
        if (!UnitCode.TryParse(unitCode, out var unit))
            throw new HubException($"unitCode '{unitCode}' is not a division code of 2, 4, 6, 9 or 12 digits");
        if (!await catchUp.UnitExistsAsync(unit, Context.ConnectionAborted))
            throw new HubException($"unitCode '{unitCode}' names no unit RiskMap knows");
        return unit;
    }
}
