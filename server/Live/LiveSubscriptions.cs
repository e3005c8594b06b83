using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Live;

/// <summary>
/// One audience of a unit's subscribers: those who may see household data, or not; and those who
/// take a tick's changes as one <c>Changes</c> frame, or as the named events (docs/live.md).
/// </summary>
public readonly record struct LiveScope(long Unit, bool SeesHouseholds, bool Frames = false)
{
    /// <summary>The SignalR group of these subscribers.</summary>
    public string Group => LiveSubscriptions.GroupOf(Unit, SeesHouseholds, Frames);
}

/// <summary>
/// Which connection subscribed to which unit, and which units' subscribers should hear of a change
/// under a unit: that unit's and each of its ancestors' (a village change reaches the village's,
/// township's, county's, prefecture's and province's subscribers). Each subscribed unit is up to four
/// SignalR groups (<see cref="GroupOf"/>): its subscribers who may see household data and those who
/// may not, so the relay sends each what its role may see, serialised once per group; each of them
/// taking frames or named events.
/// </summary>
public sealed class LiveSubscriptions
{
    private readonly Lock _lock = new();
    private readonly Dictionary<LiveScope, HashSet<string>> _byScope = [];
    private readonly Dictionary<string, HashSet<LiveScope>> _byConnection = [];

    public int ConnectionCount { get { lock (_lock) return _byConnection.Count; } }

    public LiveScope Add(string connectionId, UnitCode unit, bool seesHouseholds, bool frames = false)
    {
        var scope = new LiveScope(unit.Value, seesHouseholds, frames);
        lock (_lock)
        {
            if (!_byScope.TryGetValue(scope, out var connections)) _byScope[scope] = connections = [];
            connections.Add(connectionId);
            if (!_byConnection.TryGetValue(connectionId, out var scopes)) _byConnection[connectionId] = scopes = [];
            scopes.Add(scope);
        }
        return scope;
    }

    /// <summary>Removes the connection's subscriptions to <paramref name="unit"/>; returns the scopes it left.</summary>
    public IReadOnlyList<LiveScope> Remove(string connectionId, UnitCode unit)
    {
        lock (_lock)
        {
            if (!_byConnection.TryGetValue(connectionId, out var scopes)) return [];
            var leaving = scopes.Where(s => s.Unit == unit.Value).ToList();
            foreach (var scope in leaving)
            {
                scopes.Remove(scope);
                RemoveFromScope(connectionId, scope);
            }
            if (scopes.Count == 0) _byConnection.Remove(connectionId);
            return leaving;
        }
    }

    public void RemoveConnection(string connectionId)
    {
        lock (_lock)
        {
            if (!_byConnection.Remove(connectionId, out var scopes)) return;
            foreach (var scope in scopes) RemoveFromScope(connectionId, scope);
        }
    }

    /// <summary>
    /// The audiences with subscribers among <paramref name="unit"/> and its ancestors: the SignalR
    /// groups a change about the unit goes to.
    /// </summary>
    public IReadOnlyList<LiveScope> SubscribedScopes(UnitCode unit)
    {
        lock (_lock)
        {
            List<LiveScope>? scopes = null;
            for (var level = unit.Level; level >= UnitLevel.Province; level--)
            {
                var code = unit.AtLevel(level).Value;
                foreach (var sees in (bool[])[true, false])
                    foreach (var frames in (bool[])[true, false])
                        if (_byScope.ContainsKey(new LiveScope(code, sees, frames))) (scopes ??= []).Add(new LiveScope(code, sees, frames));
            }
            return scopes ?? (IReadOnlyList<LiveScope>)[];
        }
    }

    /// <summary>The SignalR group of a unit's subscribers who may (or may not) see household data, taking frames or named events.</summary>
    public static string GroupOf(long unit, bool seesHouseholds, bool frames = false) =>
        $"unit:{unit}{(seesHouseholds ? "" : ":withheld")}{(frames ? ":frames" : "")}";

    /// <summary>The units a connection subscribed to.</summary>
    public IReadOnlyCollection<long> UnitsOf(string connectionId)
    {
        lock (_lock) return _byConnection.TryGetValue(connectionId, out var scopes) ? scopes.Select(s => s.Unit).Distinct().ToList() : [];
    }

    private void RemoveFromScope(string connectionId, LiveScope scope)
    {
        if (_byScope.TryGetValue(scope, out var connections) && connections.Remove(connectionId) && connections.Count == 0)
            _byScope.Remove(scope);
    }
}
