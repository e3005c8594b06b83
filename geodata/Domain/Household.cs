namespace RiskMap.Geodata.Domain;

/// <summary>Monitoring status of a household (监测状态).</summary>
public enum MonitoringStatus : short
{
    NotMonitored = 0,
    /// <summary>纳入监测, since <see cref="Household.MonitoredSince"/>.</summary>
    Monitored = 1,
    /// <summary>风险消除, on <see cref="Household.RiskEliminatedOn"/>.</summary>
    RiskEliminated = 2,
}

/// <summary>One assistance measure received (帮扶措施): its kind key and start date.</summary>
public sealed record AssistanceMeasure(string Kind, DateOnly StartedOn);

/// <summary>
/// A rural household record with every field the national monitoring system exports
/// (see shared/docs/domain.md § Households). Incomes are yuan per person per year; rigid
/// expenditure is yuan per household per year.
/// </summary>
public sealed record Household
{
    public required string HouseholdId { get; init; }
    public required UnitCode VillageCode { get; init; }
    /// <summary>WGS 84 longitude; for a relocated household, its resettlement site.</summary>
    public required double Lon { get; init; }
    public required double Lat { get; init; }
    public required short Members { get; init; }
    /// <summary>Working-age labour count.</summary>
    public required short Labour { get; init; }

    /// <summary>家庭人均纯收入, yuan per person per year.</summary>
    public required int IncomePerCapita { get; init; }
    public int? WageIncome { get; init; }
    public int? BusinessIncome { get; init; }
    public int? PropertyIncome { get; init; }
    public int? TransferIncome { get; init; }
    /// <summary>Last year's per-capita net income, to see a sudden drop.</summary>
    public int? IncomeLastYear { get; init; }
    /// <summary>刚性支出: compliant medical, education beyond compulsory school, disaster losses; yuan per household per year.</summary>
    public int RigidExpenditure { get; init; }

    public bool FormerlyPoor { get; init; }
    public bool Dibao { get; init; }
    public bool Tekun { get; init; }
    public bool Relocated { get; init; }
    public long? SiteId { get; init; }

    public bool HousingUnsafe { get; init; }
    public bool ChildOutOfSchool { get; init; }
    public bool NoMedicalInsurance { get; init; }
    public bool WaterUnsafe { get; init; }

    /// <summary>Risk type keys from <see cref="RiskType"/>, at most five.</summary>
    public IReadOnlyList<string> RiskTypes { get; init; } = [];

    public MonitoringStatus Monitoring { get; init; }
    public DateOnly? MonitoredSince { get; init; }
    public DateOnly? RiskEliminatedOn { get; init; }
    /// <summary>How the risk was eliminated (风险消除方式), free text from the register.</summary>
    public string? EliminationMethod { get; init; }

    public IReadOnlyList<AssistanceMeasure> Assistance { get; init; } = [];

    /// <summary>The latest assistance start date (household.last_assistance_on), or null without measures.</summary>
    public DateOnly? LastAssistanceOn
    {
        get
        {
            DateOnly? latest = null;
            foreach (var m in Assistance)
                if (latest is null || m.StartedOn > latest) latest = m.StartedOn;
            return latest;
        }
    }
    /// <summary>Last door-to-door visit (入户走访).</summary>
    public DateOnly? LastVisitOn { get; init; }
}
