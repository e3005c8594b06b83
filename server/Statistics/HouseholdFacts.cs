using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Statistics;

/// <summary>
/// What one household contributes to the figures of the regions it lies in. Built from a
/// household row (old state) or a freshly assessed household (new state); a change adds the
/// new facts and subtracts the old from every region it touches.
/// </summary>
public readonly record struct HouseholdFacts(
    long VillageCode,
    long? SiteId,
    short Level,
    bool Monitored,
    short? Category,
    uint RiskTypeMask,
    bool Assisted,
    bool GapShouldMonitor,
    bool GapUnassisted,
    bool GapShouldExit,
    int Income)
{
    /// <summary>Bit i set when the household has risk type <c>RiskType.Keys[i]</c>.</summary>
    public static uint MaskOf(IEnumerable<string> riskTypes)
    {
        uint mask = 0;
        foreach (var key in riskTypes)
        {
            var i = RiskType.IndexOf(key);
            if (i >= 0) mask |= 1u << i;
        }
        return mask;
    }

    /// <summary>
    /// Assistance coverage counts monitored households that have help: an assistance measure on
    /// record, or the protective floor itself (dibao, 特困).
    /// </summary>
    public static bool IsAssisted(bool monitored, bool dibao, bool tekun, DateOnly? lastAssistance) =>
        monitored && (dibao || tekun || lastAssistance is not null);

    /// <summary>The administrative units this household counts in, village first, province last.</summary>
    public IEnumerable<long> Units()
    {
        var code = new UnitCode(VillageCode);
        for (var level = UnitLevel.Village; level >= UnitLevel.Province; level--)
            yield return code.AtLevel(level).Value;
    }
}
