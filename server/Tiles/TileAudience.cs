using RiskMap.Server.Auth;

namespace RiskMap.Server.Tiles;

/// <summary>
/// Whom a tile is made for, which decides what it may hold: features in the code range
/// [<see cref="First"/>, <see cref="Last"/>] only (a tile outside the area is empty), household
/// counts below <see cref="MinimumCount"/> left out, single household points only with
/// <see cref="HouseholdPoints"/>. Part of the cache key, so one audience never gets another's tile.
/// </summary>
public readonly record struct TileAudience(long First, long Last, int MinimumCount, bool HouseholdPoints)
{
    /// <summary>Everything, nothing withheld (tests of the tile SQL, tools on the server itself).</summary>
    public static readonly TileAudience Everyone = new(0, 999_999_999_999, 1, true);

    public static TileAudience For(Caller caller, PrivacyOptions privacy) => For(caller.Scope, caller.Role, privacy);

    public static TileAudience For(AreaScope scope, Role role, PrivacyOptions privacy) =>
        new(scope.First, scope.Last, role.SeesHouseholds() ? 1 : privacy.MinimumCount, role.SeesHouseholds());

    /// <summary>The unit at the top of the audience's area (its first code); null for the whole country.</summary>
    public long? Root => First == 0 ? null : First;
}
