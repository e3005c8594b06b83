using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Importing;
using RiskMap.Server.Risk;

namespace RiskMap.Server.Ingest;

/// <summary>Severity of an area event, as its <c>properties.severity</c> gives it.</summary>
public enum EventSeverity : short
{
    /// <summary>1, 一般: minor.</summary>
    Minor = 1,
    /// <summary>2, 较大: major.</summary>
    Major = 2,
    /// <summary>3, 重大: severe.</summary>
    Severe = 3,
}

/// <summary>
/// What an area event does to one household inside it, in the register's own terms, so the risk
/// model sees the shock the way a village cadre would record it (docs/api.md § Area events):
/// the event's risk type joins the household's; its disaster losses (domain.md: rigid expenditure
/// includes disaster losses) join rigid expenditure; and per-capita income drops. Both scale with
/// severity (<see cref="DisasterShockOptions"/>). Pure: the caller passes the policy line.
/// </summary>
public static class DisasterShock
{
    public static Household Apply(Household h, string riskType, EventSeverity severity, PolicyLine line, DisasterShockOptions options)
    {
        var (lossShare, dropShare) = options.For(severity);
        var loss = Share((long)line.MonitoringLine * Math.Max((short)1, h.Members), lossShare);
        var income = h.IncomePerCapita > 0 ? h.IncomePerCapita - (int)Share(h.IncomePerCapita, dropShare) : h.IncomePerCapita;
        return h with
        {
            RiskTypes = WithRiskType(h.RiskTypes, riskType),
            // Capped where the register's own check stops, so the household still passes it.
            RigidExpenditure = (int)Math.Min(HouseholdFields.MaxYuan, (long)h.RigidExpenditure + loss),
            IncomePerCapita = income,
        };
    }

    /// <summary>
    /// The risk types with <paramref name="riskType"/> among them: kept as they are when it is there,
    /// appended when there is room, otherwise in place of the last one (the register keeps five,
    /// and the disaster that just happened is the risk to record).
    /// </summary>
    public static IReadOnlyList<string> WithRiskType(IReadOnlyList<string> types, string riskType)
    {
        if (types.Contains(riskType)) return types;
        var list = types.ToList();
        if (list.Count >= RiskType.MaxPerHousehold) list.RemoveRange(RiskType.MaxPerHousehold - 1, list.Count - RiskType.MaxPerHousehold + 1);
        list.Add(riskType);
        return list;
    }

    /// <summary>amount × share in whole yuan, rounded half up (amounts are positive).</summary>
    private static long Share(long amount, Fraction share) => (amount * share.Numerator + share.Denominator / 2) / share.Denominator;
}
