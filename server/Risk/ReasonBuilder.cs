using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Risk;

/// <summary>
/// Picks the facts that drove a level, most important first: hard triggers (income, then
/// income after rigid spending, guarantees, shocks), the registered risk types, the 应帮未帮
/// gap, then the livelihood facts that lowered the score. The list stops at MaxReasons.
/// </summary>
internal static class ReasonBuilder
{
    public static void Fill(
        ref ReasonList reasons, Household h, PolicyLine line, RiskModelOptions o,
        HardTrigger t, RiskTypeFlags risks, SupportFacts support, WorkGaps gaps)
    {
        double monitoringLine = line.MonitoringLine;
        var incomeMultiple = h.IncomePerCapita / monitoringLine;
        if (Has(t, HardTrigger.IncomeBelowDibaoLine)) reasons.Add(new(ReasonCode.IncomeBelowDibaoLine, incomeMultiple));
        else if (Has(t, HardTrigger.IncomeBelowLine)) reasons.Add(new(ReasonCode.IncomeBelowLine, incomeMultiple));

        // Income after rigid spending is news only when it is worse than income alone.
        var afterRigidMultiple = (h.IncomePerCapita - (double)h.RigidExpenditure / Math.Max((short)1, h.Members)) / monitoringLine;
        if (Has(t, HardTrigger.IncomeAfterRigidBelowDibaoLine) && !Has(t, HardTrigger.IncomeBelowDibaoLine))
            reasons.Add(new(ReasonCode.IncomeAfterRigidBelowDibaoLine, afterRigidMultiple));
        else if (Has(t, HardTrigger.IncomeAfterRigidBelowLine) && !Has(t, HardTrigger.IncomeBelowLine))
            reasons.Add(new(ReasonCode.IncomeAfterRigidBelowLine, afterRigidMultiple));

        if (Has(t, HardTrigger.HousingUnsafe)) reasons.Add(new(ReasonCode.HousingUnsafe));
        if (Has(t, HardTrigger.ChildOutOfSchool)) reasons.Add(new(ReasonCode.ChildOutOfSchool));
        if (Has(t, HardTrigger.NoMedicalInsurance)) reasons.Add(new(ReasonCode.NoMedicalInsurance));
        if (Has(t, HardTrigger.WaterUnsafe)) reasons.Add(new(ReasonCode.WaterUnsafe));

        if (Has(t, HardTrigger.IncomeCollapse) && h.IncomeLastYear is int last)
            reasons.Add(new(ReasonCode.IncomeCollapse, (last - h.IncomePerCapita) / (double)last));
        if (Has(t, HardTrigger.RigidExpenditureHigh))
        {
            var householdIncome = (double)h.IncomePerCapita * Math.Max((short)1, h.Members);
            // A negative value tells the text that there was no income to take a share of.
            reasons.Add(new(ReasonCode.RigidExpenditureHigh, householdIncome > 0 ? h.RigidExpenditure / householdIncome : -1));
        }

        var types = h.RiskTypes;
        for (var i = 0; i < types.Count && !reasons.IsFull; i++)
            reasons.Add(new(ReasonCode.RiskType, 0, types[i]));

        if (gaps.Unassisted && support.DaysMonitored is int days) reasons.Add(new(ReasonCode.Unassisted, days));
        if (reasons.IsFull) return;

        if (!Has(t, HardTrigger.IncomeBelowLine) && RiskModel.IsNearLine(h, line, o))
            reasons.Add(new(ReasonCode.IncomeNearLine, incomeMultiple));
        if (h.Members > 0 && (double)h.Labour / h.Members < o.FullLabourShare && (risks & RiskTypeFlags.LabourShortage) == 0)
            reasons.Add(new(ReasonCode.LowLabour, (double)h.Labour / h.Members));
        if (h.Relocated) reasons.Add(new(ReasonCode.Relocated));
        if (support.NeedsSupport && !support.VisitedRecently)
        {
            if (support.DaysSinceVisit is int sinceVisit) reasons.Add(new(ReasonCode.NoRecentVisit, sinceVisit));
            else reasons.Add(new(ReasonCode.NeverVisited));
        }
    }

    private static bool Has(HardTrigger fired, HardTrigger t) => (fired & t) != 0;
}
