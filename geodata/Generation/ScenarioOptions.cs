using RiskMap.Geodata.Domain;

namespace RiskMap.Geodata.Generation;

/// <summary>What to generate: which area, how many households, from which seed, as of which day.</summary>
public sealed record ScenarioOptions
{
    /// <summary>The province, prefecture or county to generate; default 凉山州 (513400000000).</summary>
    public UnitCode Root { get; init; } = new(513400000000);

    /// <summary>Households and sites relative to real magnitudes: 1.0 is about 1.4 M households for Liangshan; the demo uses 0.25.</summary>
    public double Scale { get; init; } = 0.25;

    /// <summary>The same seed gives the same dataset, byte for byte.</summary>
    public ulong Seed { get; init; } = 20_240_601;

    /// <summary>The day the register describes: monitoring, assistance and visit dates fall before it.</summary>
    public DateOnly AsOf { get; init; } = new(2024, 6, 30);

    /// <summary>
    /// Monitoring line (防止返贫监测范围), yuan per person per year, that incomes are drawn
    /// relative to. 7,500 is the example 2024 value of migration 0004 (not a published figure).
    /// </summary>
    public int MonitoringLine { get; init; } = 7_500;

    public void Validate()
    {
        if (Scale is <= 0 or > 4 || double.IsNaN(Scale)) throw new ArgumentOutOfRangeException(nameof(Scale), Scale, "scale must be in (0, 4]");
        if (MonitoringLine <= 0) throw new ArgumentOutOfRangeException(nameof(MonitoringLine), MonitoringLine, "monitoring line must be positive");
    }
}
