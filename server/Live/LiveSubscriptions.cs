using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Live;

/// <summary>
/// Which connection subscribed to which unit, and who should hear of a change under a unit: the
/// subscribers of that unit and of each of its ancestors (a village change reaches the village's
/// township, county, prefecture and province subscribers), each connection once. It also knows
/// which connections may see household data, so the relay can send the others what they may see.
/// </summary>
public sealed class LiveSubscriptions
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, HashSet<string>> _byUnit = [];
    private readonly Dictionary<string, HashSet<long>> _byConnection = [];
    private readonly HashSet<string> _withoutHouseholds = [];

    public int ConnectionCount { get { lock (_lock) return _byConnection.Count; } }

    public void Add(string connectionId, UnitCode unit, bool seesHouseholds)
    {
        lock (_lock)
        {
            if (seesHouseholds) _withoutHouseholds.Remove(connectionId);
            else _withoutHouseholds.Add(connectionId);
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
            {
                _byConnection.Remove(connectionId);
                _withoutHouseholds.Remove(connectionId);
            }
            RemoveFromUnit(connectionId, unit.Value);
        }
    }

    public void RemoveConnection(string connectionId)
    {
        lock (_lock)
        {
            _withoutHouseholds.Remove(connectionId);
            if (!_byConnection.Remove(connectionId, out var units)) return;
            foreach (var unit in units) RemoveFromUnit(connectionId, unit);
        }
    }

    /// <summary>The connections to tell of a change about <paramref name="unit"/>: its subscribers and its ancestors'.</summary>
    public IReadOnlyList<string> ConnectionsFor(UnitCode unit)
    {
        lock (_lock)
        {
            HashSet<string>? result = null;
            List<string>? single = null;
            for (var level = unit.Level; level >= UnitLevel.Province; level--)
            {
                if (!_byUnit.TryGetValue(unit.AtLevel(level).Value, out var connections)) continue;
                if (single is null && result is null) { single = [.. connections]; continue; }
                result ??= [.. single!];
                result.UnionWith(connections);
            }
            return result is not null ? [.. result] : single ?? [];
        }
    }

    /// <summary><paramref name="connections"/> split into those that may see household data and those that may not.</summary>
    public (List<string> SeeHouseholds, List<string> Others) SplitByHouseholdAccess(IReadOnlyList<string> connections)
    {
        var see = new List<string>(connections.Count);
        var others = new List<string>();
        lock (_lock)
            foreach (var c in connections) (_withoutHouseholds.Contains(c) ? others : see).Add(c);
        return (see, others);
    }

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
