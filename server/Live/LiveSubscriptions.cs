using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Live;

/// <summary>
/// Which connection subscribed to which unit, and which units' subscribers should hear of a change
/// under a unit: that unit's and each of its ancestors' (a village change reaches the village's,
/// township's, county's, prefecture's and province's subscribers). Each subscribed unit is a
/// SignalR group (<see cref="GroupOf"/>).
/// </summary>
public sealed class LiveSubscriptions
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, HashSet<string>> _byUnit = [];
    private readonly Dictionary<string, HashSet<long>> _byConnection = [];

    public int ConnectionCount { get { lock (_lock) return _byConnection.Count; } }

    public void Add(string connectionId, UnitCode unit)
    {
        lock (_lock)
        {
            if (!_byUnit.TryGetValue(unit.Value, out var connections)) _byUnit[unit.Value] = connections = [];
            connections.Add(connectionId);
            if (!_byConnection.TryGetValue(connectionId, out var units)) _byConnection[connectionId] = units = [];
            units.Add(unit.Value);
        }
    }

    public void Remove(string connectionId, UnitCode unit)
    {
        lock (_lock)
        {
            if (_byConnection.TryGetValue(connectionId, out var units) && units.Remove(unit.Value) && units.Count == 0)
                _byConnection.Remove(connectionId);
            RemoveFromUnit(connectionId, unit.Value);
        }
    }

    public void RemoveConnection(string connectionId)
    {
        lock (_lock)
        {
            if (!_byConnection.Remove(connectionId, out var units)) return;
            foreach (var unit in units) RemoveFromUnit(connectionId, unit);
        }
    }

    /// <summary>
    /// The units with subscribers among <paramref name="unit"/> and its ancestors: the SignalR groups
    /// (<see cref="GroupOf"/>) a change about the unit goes to.
    /// </summary>
    public IReadOnlyList<long> SubscribedScopes(UnitCode unit)
    {
        lock (_lock)
        {
            List<long>? scopes = null;
            for (var level = unit.Level; level >= UnitLevel.Province; level--)
            {
                var code = unit.AtLevel(level).Value;
                if (_byUnit.ContainsKey(code)) (scopes ??= []).Add(code);
            }
            return scopes ?? (IReadOnlyList<long>)[];
        }
    }

    /// <summary>The SignalR group of a unit's subscribers.</summary>
    public static string GroupOf(long unit) => $"unit:{unit}";

    /// <summary>The units a connection subscribed to.</summary>
    public IReadOnlyCollection<long> UnitsOf(string connectionId)
    {
        lock (_lock) return _byConnection.TryGetValue(connectionId, out var units) ? [.. units] : [];
    }

    private void RemoveFromUnit(string connectionId, long unit)
    {
        if (_byUnit.TryGetValue(unit, out var connections) && connections.Remove(connectionId) && connections.Count == 0)
            _byUnit.Remove(unit);
    }
}
