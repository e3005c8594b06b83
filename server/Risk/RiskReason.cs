using System.Globalization;
using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Risk;

/// <summary>What a reason says; each code has a stable key (<see cref="RiskReason.Key"/>).</summary>
public enum ReasonCode : byte
{
    IncomeBelowDibaoLine,
    IncomeBelowLine,
    IncomeAfterRigidBelowDibaoLine,
    IncomeAfterRigidBelowLine,
    HousingUnsafe,
    ChildOutOfSchool,
    NoMedicalInsurance,
    WaterUnsafe,
    IncomeCollapse,
    RigidExpenditureHigh,
    RiskType,
    Unassisted,
    IncomeNearLine,
    LowLabour,
    Relocated,
    NoRecentVisit,
    NeverVisited,
}

/// <summary>
/// One fact that drove a household's level: a code, the number it quotes (a multiple of the
/// line, a share, a count of days) and, for risk types, the type key. Text in Chinese and
/// English is produced only when asked for, so assessing a household allocates no strings.
/// </summary>
public readonly record struct RiskReason(ReasonCode Code, double Value = 0, string? RiskTypeKey = null)
{
    /// <summary>Stable key stored in household.reasons and used by the viewer: "income_below_line", "risk.illness", …</summary>
    public string Key => Code switch
    {
        ReasonCode.IncomeBelowDibaoLine => "income_below_dibao_line",
        ReasonCode.IncomeBelowLine => "income_below_line",
        ReasonCode.IncomeAfterRigidBelowDibaoLine => "income_after_rigid_below_dibao_line",
        ReasonCode.IncomeAfterRigidBelowLine => "income_after_rigid_below_line",
        ReasonCode.HousingUnsafe => "housing_unsafe",
        ReasonCode.ChildOutOfSchool => "child_out_of_school",
        ReasonCode.NoMedicalInsurance => "no_medical_insurance",
        ReasonCode.WaterUnsafe => "water_unsafe",
        ReasonCode.IncomeCollapse => "income_collapse",
        ReasonCode.RigidExpenditureHigh => "rigid_expenditure_high",
        ReasonCode.RiskType => "risk." + RiskTypeKey,
        ReasonCode.Unassisted => "unassisted",
        ReasonCode.IncomeNearLine => "income_near_line",
        ReasonCode.LowLabour => "low_labour",
        ReasonCode.Relocated => "relocated",
        ReasonCode.NoRecentVisit => "no_recent_visit",
        ReasonCode.NeverVisited => "never_visited",
        _ => throw new InvalidOperationException($"unknown reason code {Code}"),
    };

    /// <summary>The reason in Chinese, as field staff write it: "人均纯收入为监测线的0.93倍", "因病", "41天未落实帮扶".</summary>
    public string Chinese => Code switch
    {
        ReasonCode.IncomeBelowDibaoLine => $"人均纯收入低于低保标准(为监测线的{Multiple}倍)",
        ReasonCode.IncomeBelowLine or ReasonCode.IncomeNearLine => $"人均纯收入为监测线的{Multiple}倍",
        ReasonCode.IncomeAfterRigidBelowDibaoLine => $"扣除刚性支出后人均收入低于低保标准(为监测线的{Multiple}倍)",
        ReasonCode.IncomeAfterRigidBelowLine => $"扣除刚性支出后人均收入为监测线的{Multiple}倍",
        ReasonCode.HousingUnsafe => "住房不安全",
        ReasonCode.ChildOutOfSchool => "义务教育阶段子女失学辍学",
        ReasonCode.NoMedicalInsurance => "未参加基本医疗保险",
        ReasonCode.WaterUnsafe => "饮水不安全",
        ReasonCode.IncomeCollapse => $"人均纯收入较上年下降{Percent}%",
        ReasonCode.RigidExpenditureHigh => Value < 0 ? "有刚性支出而家庭无纯收入" : $"刚性支出为家庭纯收入的{Percent}%",
        ReasonCode.RiskType => RiskType.Labels.TryGetValue(RiskTypeKey ?? "", out var label) ? label : RiskTypeKey ?? "",
        ReasonCode.Unassisted => $"{Days}天未落实帮扶",
        ReasonCode.LowLabour => $"劳动力占家庭人口的{Multiple}",
        ReasonCode.Relocated => "易地扶贫搬迁户",
        ReasonCode.NoRecentVisit => $"{Days}天未入户走访",
        ReasonCode.NeverVisited => "未入户走访",
        _ => throw new InvalidOperationException($"unknown reason code {Code}"),
    };

    /// <summary>The reason in English: "income 0.93 × monitoring line", "illness", "no assistance for 41 days".</summary>
    public string English => Code switch
    {
        ReasonCode.IncomeBelowDibaoLine => $"income below the dibao line ({Multiple} × monitoring line)",
        ReasonCode.IncomeBelowLine or ReasonCode.IncomeNearLine => $"income {Multiple} × monitoring line",
        ReasonCode.IncomeAfterRigidBelowDibaoLine => $"income after rigid expenditure below the dibao line ({Multiple} × monitoring line)",
        ReasonCode.IncomeAfterRigidBelowLine => $"income after rigid expenditure {Multiple} × monitoring line",
        ReasonCode.HousingUnsafe => "housing unsafe",
        ReasonCode.ChildOutOfSchool => "child out of compulsory school",
        ReasonCode.NoMedicalInsurance => "no basic medical insurance",
        ReasonCode.WaterUnsafe => "drinking water unsafe",
        ReasonCode.IncomeCollapse => $"income down {Percent}% on last year",
        ReasonCode.RigidExpenditureHigh => Value < 0 ? "rigid expenditure with no household income" : $"rigid expenditure {Percent}% of household income",
        ReasonCode.RiskType => RiskTypeText.English(RiskTypeKey),
        ReasonCode.Unassisted => $"no assistance for {Days} days",
        ReasonCode.LowLabour => $"labour {Multiple} of members",
        ReasonCode.Relocated => "relocated household",
        ReasonCode.NoRecentVisit => $"no visit for {Days} days",
        ReasonCode.NeverVisited => "never visited",
        _ => throw new InvalidOperationException($"unknown reason code {Code}"),
    };

    // Multiples are truncated, not rounded: one yuan below the line reads 0.99, never "1.00 × line".
    private string Multiple => (Math.Floor(Value * 100 + 1e-9) / 100).ToString("0.00", CultureInfo.InvariantCulture);
    private string Percent => Math.Floor(Value * 100 + 1e-9).ToString("0", CultureInfo.InvariantCulture);
    private string Days => ((int)Value).ToString(CultureInfo.InvariantCulture);

    public override string ToString() => $"{Key}: {English}";
}
