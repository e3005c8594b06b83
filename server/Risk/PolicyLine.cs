using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Risk;

/// <summary>
/// The policy parameters of one province and year (table policy_parameter), yuan per person
/// per year: the monitoring line (防止返贫监测范围) and the rural dibao line (农村低保标准).
/// <see cref="IsExample"/> marks shipped values no one has verified.
/// </summary>
public sealed record PolicyLine(
    UnitCode Province,
    int Year,
    int MonitoringLine,
    int DibaoLine,
    string Source,
    bool IsExample)
{
    /// <summary>Problems that make this line unusable; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Province.Level != UnitLevel.Province)
            errors.Add($"policy line {Province}/{Year}: {Province} is not a province code");
        if (MonitoringLine <= 0)
            errors.Add($"policy line {Province}/{Year}: monitoring line must be positive, was {MonitoringLine}");
        if (DibaoLine <= 0)
            errors.Add($"policy line {Province}/{Year}: dibao line must be positive, was {DibaoLine}");
        if (string.IsNullOrWhiteSpace(Source))
            errors.Add($"policy line {Province}/{Year}: a source is required");
        return errors;
    }
}
