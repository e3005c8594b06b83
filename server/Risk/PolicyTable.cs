using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Risk;

/// <summary>
/// Policy lines by province and year. A year without its own row uses the latest earlier
/// year of the same province (lines are published late in the year they apply to); a year
/// before the first row, or a province with no row, is an error that names what is missing.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class PolicyTable
{
    // Per province, lines sorted by year; a province has a handful of years, so a backward scan wins.
    private readonly Dictionary<long, PolicyLine[]> _byProvince;

    public PolicyTable(IEnumerable<PolicyLine> lines)
    {
        var grouped = new Dictionary<long, List<PolicyLine>>();
        var errors = new List<string>();
        foreach (var line in lines)
        {
            errors.AddRange(line.Validate());
            if (!grouped.TryGetValue(line.Province.Value, out var list))
                grouped[line.Province.Value] = list = [];
            if (list.Exists(l => l.Year == line.Year))
                errors.Add($"policy line {line.Province}/{line.Year} appears twice");
            list.Add(line);
        }
        if (errors.Count > 0)
            throw new ArgumentException("invalid policy table: " + string.Join("; ", errors), nameof(lines));
        _byProvince = grouped.ToDictionary(g => g.Key, g => g.Value.OrderBy(l => l.Year).ToArray());
    }

    /// <summary>Every line, by province then year.</summary>
    public IEnumerable<PolicyLine> Lines => _byProvince.OrderBy(p => p.Key).SelectMany(p => p.Value);

    /// <summary>
    /// The line for the province containing <paramref name="unit"/> (any code inside it: a
    /// village code works) in <paramref name="year"/>, falling back to the latest earlier year.
    /// </summary>
    public bool TryFind(UnitCode unit, int year, out PolicyLine line)
    {
        line = null!;
        if (!_byProvince.TryGetValue(unit.AtLevel(UnitLevel.Province).Value, out var years)) return false;
        for (var i = years.Length - 1; i >= 0; i--)
        {
            if (years[i].Year > year) continue;
            line = years[i];
            return true;
        }
        return false;
    }

    /// <summary>As <see cref="TryFind"/>, throwing <see cref="PolicyLineNotFoundException"/> when there is no line.</summary>
    public PolicyLine Find(UnitCode unit, int year)
    {
        if (TryFind(unit, year, out var line)) return line;
        var province = unit.AtLevel(UnitLevel.Province);
        var message = _byProvince.TryGetValue(province.Value, out var years)
            ? $"no policy line for province {province} in {year} or earlier; its first year is {years[0].Year}"
            : $"no policy line for province {province}; add rows to policy_parameter";
        throw new PolicyLineNotFoundException(province, year, message);
    }

    /// <summary>
    /// EXAMPLE DEFAULTS, NOT VERIFIED — the same rows as migration 0004: Sichuan and Guizhou,
    /// 2021–2026, monitoring line from the national 6,000 (2021) rising to 8,000, dibao line =
    /// monitoring line / 1.5 (the practice seed 000 describes). A deployment replaces them.
    /// </summary>
    public static PolicyTable ExampleDefaults { get; } = new(ExampleLines());

    private static IEnumerable<PolicyLine> ExampleLines()
    {
        const string source = "example default (shared/docs/domain.md § Policy parameters); not a published figure";
        (int Year, int Line)[] years = [(2021, 6000), (2022, 6500), (2023, 7000), (2024, 7500), (2025, 7800), (2026, 8000)];
        foreach (var province in new[] { 510000000000L, 520000000000L })
            foreach (var (year, line) in years)
                yield return new PolicyLine(new UnitCode(province), year, line,
                    (int)Math.Round(line / 1.5, MidpointRounding.AwayFromZero), source, IsExample: true);
    }
}

/// <summary>No policy line covers a province and year: the message says which and what exists.</summary>
public sealed class PolicyLineNotFoundException(UnitCode province, int year, string message)
    : KeyNotFoundException(message)
{
    public UnitCode Province { get; } = province;
    public int Year { get; } = year;
}
