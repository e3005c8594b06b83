using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Risk;

/// <summary>The hard triggers of the official monitoring rules that fired for a household.</summary>
[Flags]
public enum HardTrigger : ushort
{
    None = 0,
    /// <summary>Per-capita net income below the monitoring line.</summary>
    IncomeBelowLine = 1 << 0,
    /// <summary>Per-capita net income below the dibao line.</summary>
    IncomeBelowDibaoLine = 1 << 1,
    /// <summary>Per-capita income after rigid expenditure (income − rigid / members) below the monitoring line.</summary>
    IncomeAfterRigidBelowLine = 1 << 2,
    /// <summary>Per-capita income after rigid expenditure below the dibao line.</summary>
    IncomeAfterRigidBelowDibaoLine = 1 << 3,
    HousingUnsafe = 1 << 4,
    ChildOutOfSchool = 1 << 5,
    NoMedicalInsurance = 1 << 6,
    WaterUnsafe = 1 << 7,
    /// <summary>Income fell against last year by more than <see cref="RiskModelOptions.IncomeCollapseShare"/>.</summary>
    IncomeCollapse = 1 << 8,
    /// <summary>Rigid expenditure above <see cref="RiskModelOptions.RigidExpenditureShare"/> of household income.</summary>
    RigidExpenditureHigh = 1 << 9,

    IncomeGroup = IncomeBelowLine | IncomeBelowDibaoLine | IncomeAfterRigidBelowLine | IncomeAfterRigidBelowDibaoLine,
    GuaranteeGroup = HousingUnsafe | ChildOutOfSchool | NoMedicalInsurance | WaterUnsafe,
    ShockGroup = IncomeCollapse | RigidExpenditureHigh,
    BelowDibao = IncomeBelowDibaoLine | IncomeAfterRigidBelowDibaoLine,
}

/// <summary>Evaluates the hard triggers and the level floor they set.</summary>
public static class HardTriggers
{
    /// <summary>Which triggers fire. All comparisons are exact integer arithmetic on yuan.</summary>
    public static HardTrigger Evaluate(Household h, PolicyLine line, RiskModelOptions options)
    {
        var fired = HardTrigger.None;
        long members = Math.Max((short)1, h.Members);
        long income = h.IncomePerCapita;
        // Strictly below: income exactly at the line is not below it.
        if (income < line.MonitoringLine) fired |= HardTrigger.IncomeBelowLine;
        if (income < line.DibaoLine) fired |= HardTrigger.IncomeBelowDibaoLine;

        // income − rigid/members < line  ⇔  income·members − rigid < line·members (no rounding).
        if (h.RigidExpenditure > 0)
        {
            var afterRigidTotal = income * members - h.RigidExpenditure;
            if (afterRigidTotal < line.MonitoringLine * members) fired |= HardTrigger.IncomeAfterRigidBelowLine;
            if (afterRigidTotal < line.DibaoLine * members) fired |= HardTrigger.IncomeAfterRigidBelowDibaoLine;
            if (options.RigidExpenditureShare.IsExceededBy(h.RigidExpenditure, income * members))
                fired |= HardTrigger.RigidExpenditureHigh;
        }

        if (h.HousingUnsafe) fired |= HardTrigger.HousingUnsafe;
        if (h.ChildOutOfSchool) fired |= HardTrigger.ChildOutOfSchool;
        if (h.NoMedicalInsurance) fired |= HardTrigger.NoMedicalInsurance;
        if (h.WaterUnsafe) fired |= HardTrigger.WaterUnsafe;

        if (h.IncomeLastYear is int last && last > 0
            && options.IncomeCollapseShare.IsExceededBy(last - income, last))
            fired |= HardTrigger.IncomeCollapse;
        return fired;
    }

    /// <summary>
    /// The lowest level the triggers allow: any trigger → II; income (before or after rigid
    /// spending) below the dibao line → III; triggers from
    /// <see cref="RiskModelOptions.EscalateAtTriggerGroups"/> distinct groups → III.
    /// </summary>
    public static RiskLevel Floor(HardTrigger fired, RiskModelOptions options)
    {
        if (fired == HardTrigger.None) return RiskLevel.None;
        if ((fired & HardTrigger.BelowDibao) != 0) return RiskLevel.High;
        var groups = ((fired & HardTrigger.IncomeGroup) != 0 ? 1 : 0)
                     + ((fired & HardTrigger.GuaranteeGroup) != 0 ? 1 : 0)
                     + ((fired & HardTrigger.ShockGroup) != 0 ? 1 : 0);
        return groups >= options.EscalateAtTriggerGroups ? RiskLevel.High : RiskLevel.Moderate;
    }
}
