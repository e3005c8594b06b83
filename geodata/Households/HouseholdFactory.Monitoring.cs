using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Generation;

namespace RiskMap.Geodata.Households;

internal sealed partial class HouseholdFactory
{
    private readonly record struct MonitoringDraw(MonitoringStatus Status, DateOnly? Since, DateOnly? EliminatedOn, string? Method);

    private static readonly string[] EliminationMethods =
    [
        "收入稳定超过监测范围", // income steadily above the monitoring range
        "帮扶措施落实，风险稳定消除", // assistance in place, risk gone
        "就业稳定增收", // stable employment
        "自然消除", // resolved without assistance
    ];

    /// <summary>
    /// Most households at risk are in monitoring (纳入监测) since a date in the last 2½ years;
    /// about one in eight is not (the 应纳未纳 gap planners look for). Some households now clear
    /// of risk were monitored before and had the risk eliminated (风险消除).
    /// </summary>
    private MonitoringDraw DrawMonitoring(bool atRisk, bool formerlyPoor, int income, SeededRandom rng)
    {
        if (atRisk)
        {
            if (rng.Chance(0.12)) return new(MonitoringStatus.NotMonitored, null, null, null);
            var since = asOf.AddDays(-rng.NextInt(900) - 1);
            return new(MonitoringStatus.Monitored, since, null, null);
        }
        var wasMonitored = rng.Chance(formerlyPoor ? 0.07 : 0.015);
        if (!wasMonitored) return new(MonitoringStatus.NotMonitored, null, null, null);
        var start = asOf.AddDays(-rng.NextInt(1_000) - 200);
        var eliminated = start.AddDays(180 + rng.NextInt(Math.Max(1, asOf.DayNumber - start.DayNumber - 180)));
        // Households far above the line after help mostly left monitoring by "stable income".
        var method = income > monitoringLine * 2 ? EliminationMethods[0] : EliminationMethods[1 + rng.NextInt(EliminationMethods.Length - 1)];
        return new(MonitoringStatus.RiskEliminated, start, eliminated, method);
    }

    /// <summary>
    /// Measures follow the risk: illness brings health and insurance help, unstable work brings
    /// employment help or a public-welfare job, and so on. About one monitored household in
    /// seven has none yet (应帮未帮 when past the deadline).
    /// </summary>
    private List<AssistanceMeasure> DrawAssistance(MonitoringDraw monitoring, bool formerlyPoor, bool relocated, bool floor,
        List<string> risks, SeededRandom rng)
    {
        var measures = new List<AssistanceMeasure>();
        DateOnly? from = null;
        DateOnly until = asOf;
        var count = 0;
        switch (monitoring.Status)
        {
            case MonitoringStatus.Monitored when !rng.Chance(0.14):
                from = monitoring.Since;
                count = 1 + rng.NextInt(3);
                break;
            case MonitoringStatus.RiskEliminated:
                from = monitoring.Since;
                until = monitoring.EliminatedOn!.Value;
                count = 1 + rng.NextInt(3);
                break;
            case MonitoringStatus.NotMonitored when formerlyPoor && rng.Chance(0.45):
                // Development support continued after 2020 for formerly-poor households.
                from = asOf.AddDays(-1_400);
                count = 1 + rng.NextInt(2);
                break;
        }
        if (relocated && from is null)
        {
            from = asOf.AddDays(-1_000);
            count = 1;
        }
        if (from is null || count == 0) return measures;

        var candidates = new List<string>();
        if (relocated) candidates.Add(AssistanceKind.RelocationFollowUp);
        if (floor) candidates.Add(AssistanceKind.SocialProtection);
        foreach (var risk in risks)
        {
            candidates.Add(risk switch
            {
                RiskType.Illness => rng.Chance(0.5) ? AssistanceKind.Health : AssistanceKind.Insurance,
                RiskType.Disability => AssistanceKind.SocialProtection,
                RiskType.Education => AssistanceKind.Education,
                RiskType.UnstableEmployment => rng.Chance(0.6) ? AssistanceKind.Employment : AssistanceKind.PublicWelfareJob,
                RiskType.LabourShortage => AssistanceKind.PublicWelfareJob,
                RiskType.HousingSafety => AssistanceKind.Housing,
                RiskType.DrinkingWater => AssistanceKind.Water,
                RiskType.IndustryFailure => rng.Chance(0.5) ? AssistanceKind.Industry : AssistanceKind.Finance,
                _ when RiskType.IsDisaster(risk) => rng.Chance(0.5) ? AssistanceKind.Insurance : AssistanceKind.Housing,
                _ => AssistanceKind.Pairing,
            });
        }
        candidates.AddRange([AssistanceKind.Industry, AssistanceKind.Employment, AssistanceKind.Finance, AssistanceKind.Pairing]);

        var span = Math.Max(1, until.DayNumber - from.Value.DayNumber);
        for (var i = 0; i < count; i++)
        {
            var kind = i < candidates.Count - 4 ? candidates[i] : candidates[candidates.Count - 4 + rng.NextInt(4)];
            // The first measure usually within weeks of entering monitoring (Guizhou: 15 days).
            var offset = i == 0 ? Math.Min(span, 2 + rng.NextInt(40)) : rng.NextInt(span);
            var started = DateOnly.FromDayNumber(Math.Min(from.Value.DayNumber + offset, until.DayNumber));
            var measure = new AssistanceMeasure(kind, started);
            if (!measures.Contains(measure)) measures.Add(measure);
        }
        measures.Sort((a, b) => a.StartedOn != b.StartedOn ? a.StartedOn.CompareTo(b.StartedOn) : string.CompareOrdinal(a.Kind, b.Kind));
        return measures;
    }

    private DateOnly? DrawLastVisit(MonitoringStatus status, bool formerlyPoor, SeededRandom rng) => status switch
    {
        // Monitored households are visited at least monthly to quarterly; others yearly at best.
        MonitoringStatus.Monitored => asOf.AddDays(-rng.NextInt(75)),
        _ when formerlyPoor => asOf.AddDays(-rng.NextInt(240)),
        _ => rng.Chance(0.08) ? null : asOf.AddDays(-rng.NextInt(400)),
    };
}
