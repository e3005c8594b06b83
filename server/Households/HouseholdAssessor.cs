using System.Text.Json;
using Microsoft.Extensions.Options;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Risk;
using RiskMap.Server.Statistics;

namespace RiskMap.Server.Households;

/// <summary>A household with what the risk model said about it, ready to store.</summary>
public readonly record struct AssessedHousehold(Household Household, RiskAssessment Assessment, string ReasonsJson)
{
    public DateOnly? LastAssistanceOn => Household.LastAssistanceOn;

    /// <summary>What this household contributes to its regions' figures.</summary>
    public HouseholdFacts Facts => new(
        Household.VillageCode.Value, Household.SiteId, (short)Assessment.Level,
        Household.Monitoring == MonitoringStatus.Monitored, (short?)Assessment.Category,
        HouseholdFacts.MaskOf(Household.RiskTypes),
        HouseholdFacts.IsAssisted(Household.Monitoring == MonitoringStatus.Monitored, Household.Dibao, Household.Tekun, Household.LastAssistanceOn),
        Assessment.Gaps.ShouldMonitor, Assessment.Gaps.Unassisted, Assessment.Gaps.ShouldExit, Household.IncomePerCapita);

}

/// <summary>
/// The one place households are assessed, whether at import, on a live update or in a rebuild:
/// the risk model with the configured options, the province's policy line for the year, and
/// today's date in China (UTC+8) from the injected clock.
/// </summary>
public sealed class HouseholdAssessor(IOptions<RiskModelOptions> options, PolicyTableSource policies, TimeProvider time)
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaStandardTime).DateTime);

    public AssessedHousehold Assess(Household h) => Assess(h, Today);

    public AssessedHousehold Assess(Household h, DateOnly asOf)
    {
        var line = policies.Current.Find(h.VillageCode, asOf.Year);
        var assessment = RiskModel.Assess(h, line, options.Value, asOf);
        return new AssessedHousehold(h, assessment, ReasonJson.ToJson(assessment.Reasons));
    }
}
