namespace RiskMap.Geodata.Loading;

/// <summary>What a bulk load wrote and how long it took.</summary>
public sealed record LoadSummary(int Units, int Sites, int Households, int AssistanceMeasures, TimeSpan Elapsed)
{
    public double HouseholdsPerSecond => Households / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
