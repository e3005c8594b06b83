namespace RiskMap.Geodata.Importing;

/// <summary>A household CSV column: its English key, the Chinese headers accepted for it, and whether a file must have it.</summary>
public sealed record HouseholdColumn(string Key, bool Required, params string[] Aliases);

/// <summary>
/// The columns of the households CSV (docs/import-formats.md). Headers match by English key or
/// Chinese alias, ignoring case, surrounding spaces and full-width parentheses.
/// </summary>
public static class HouseholdColumns
{
    public static readonly HouseholdColumn[] All =
    [
        new("household_id", true, "户编号", "户码", "农户编号"),
        new("village_code", true, "村代码", "村级代码", "村编码", "行政村代码"),
        new("lon", true, "经度", "longitude"),
        new("lat", true, "纬度", "latitude"),
        new("members", true, "家庭人口", "家庭人口数", "人口数"),
        new("labour", true, "劳动力", "劳动力人数", "劳动力数"),
        new("income_per_capita", true, "人均纯收入", "家庭人均纯收入"),
        new("wage_income", false, "工资性收入"),
        new("business_income", false, "经营性收入", "生产经营性收入"),
        new("property_income", false, "财产性收入"),
        new("transfer_income", false, "转移性收入"),
        new("income_last_year", false, "上年人均纯收入", "上年家庭人均纯收入"),
        new("rigid_expenditure", false, "刚性支出"),
        new("formerly_poor", false, "是否脱贫户", "脱贫户"),
        new("dibao", false, "是否低保户", "低保户", "低保"),
        new("tekun", false, "是否特困户", "特困户", "特困"),
        new("relocated", false, "是否易地搬迁户", "易地扶贫搬迁", "易地搬迁"),
        new("site_id", false, "安置点编号", "安置点"),
        new("housing_unsafe", false, "住房不安全", "住房安全未保障"),
        new("child_out_of_school", false, "义务教育辍学", "有辍学"),
        new("no_medical_insurance", false, "未参加基本医疗保险", "未参保"),
        new("water_unsafe", false, "饮水不安全", "饮水安全未保障"),
        new("risk_types", false, "风险类型", "致贫返贫风险", "返贫致贫风险"),
        new("monitoring", false, "监测状态"),
        new("monitored_since", false, "纳入监测日期", "纳入监测时间"),
        new("risk_eliminated_on", false, "风险消除日期", "风险消除时间"),
        new("elimination_method", false, "风险消除方式"),
        new("assistance", false, "帮扶措施"),
        new("last_visit_on", false, "最近走访日期", "入户走访日期"),
    ];

    /// <summary>
    /// Columns the export writes that the risk model computes: accepted so an exported file
    /// imports as it is, and ignored, because the model recomputes them.
    /// </summary>
    public static readonly HouseholdColumn[] Computed =
    [
        new("risk_level", false, "预警等级"),
        new("risk_score", false, "风险分值"),
        new("category", false, "监测类别"),
        new("model_version", false, "模型版本"),
    ];

    private static readonly Dictionary<string, HouseholdColumn> ByHeader = BuildIndex();

    /// <summary>The column a header names, or null for a column RiskMap does not know.</summary>
    public static HouseholdColumn? Find(string header) => ByHeader.GetValueOrDefault(Normalize(header));

    public static bool IsComputed(HouseholdColumn column) => Computed.Contains(column);

    /// <summary>Trimmed, lower-case, full-width brackets as ASCII: spreadsheets write either.</summary>
    public static string Normalize(string text) =>
        text.Trim().Replace('（', '(').Replace('）', ')').ToLowerInvariant();

    private static Dictionary<string, HouseholdColumn> BuildIndex()
    {
        var index = new Dictionary<string, HouseholdColumn>();
        foreach (var c in All.Concat(Computed))
        {
            index.Add(Normalize(c.Key), c);
            foreach (var a in c.Aliases) index.Add(Normalize(a), c);
        }
        return index;
    }
}
