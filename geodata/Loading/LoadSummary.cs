namespace RiskMap.Geodata.Loading;

/// <summary>What a bulk load wrote, how long it took, and how long each stage took (for benchmarks).</summary>
public sealed record LoadSummary(int Units, int Sites, int Households, int AssistanceMeasures, TimeSpan Elapsed,
    IReadOnlyList<(string Stage, TimeSpan Elapsed)> Stages)
{
    public double HouseholdsPerSecond => Households / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
