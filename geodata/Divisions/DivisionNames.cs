namespace RiskMap.Geodata.Divisions;

/// <summary>
/// The names people use for divisions. The statistical codes name a village by its committee
/// (特口甲谷村村民委员会, 永寿社区居民委员会, 上坝街居民委员会); maps, cards and sites use the place
/// (特口甲谷村, 永寿社区, 上坝街社区).
/// </summary>
public static class DivisionNames
{
    public static string Short(string name)
    {
        if (Strip(name, "村民委员会") is { } village)
            return village.EndsWith('村') || village.EndsWith("社区", StringComparison.Ordinal) ? village : village + "村";
        if (Strip(name, "居民委员会") is { } residents)
            return residents.EndsWith("社区", StringComparison.Ordinal) ? residents : residents + "社区";
        if (name is "村民委员会" or "居民委员会") return name;
        if (Strip(name, "委员会") is { } other)
            return other.EndsWith("村村", StringComparison.Ordinal) ? other[..^1] : other;
        return name;
    }

    private static string? Strip(string name, string suffix) =>
        name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : null;
}
