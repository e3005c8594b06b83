using System.Globalization;
using RiskMap.Geodata.Domain;

namespace RiskMap.Geodata.Importing;

/// <summary>
/// Parses the text of one households CSV field. Each method returns null when the text is
/// fine and the reason it is not otherwise, so a row reports every bad field at once.
/// </summary>
public static class HouseholdFields
{
    /// <summary>
    /// China's extent (lon 73–136 E, lat 3–54 N): a point outside it is a typo, swapped columns
    /// or projected metres, never a rural household.
    /// </summary>
    public const double MinLon = 73, MaxLon = 136, MinLat = 3, MaxLat = 54;

    /// <summary>The largest amount in yuan a field takes: more is a typo (fen for yuan, a digit too many).</summary>
    public const int MaxYuan = 10_000_000;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyyMMdd"];
    private static readonly char[] ListSeparators = [';', '；', '、'];

    private static readonly Dictionary<string, string> RiskTypesByText = IndexKeysAndLabels(RiskType.Labels);
    private static readonly Dictionary<string, string> AssistanceByText =
        IndexKeysAndLabels(AssistanceKind.All.ToDictionary(kv => kv.Key, kv => kv.Value.Label));

    /// <summary>A decimal number: digits, an optional sign and decimal point; no thousands separators or exponents.</summary>
    public static string? Number(string text, out double value)
    {
        value = 0;
        var t = text.Trim();
        if (t.Length == 0) return "a number is required";
        if (!double.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            || !double.IsFinite(value))
            return $"malformed number '{t}' (digits with an optional '.'; no thousands separators)";
        return null;
    }

    /// <summary>Yuan, rounded to whole yuan: registers often carry fen (8456.32).</summary>
    public static string? Yuan(string text, int min, out int value)
    {
        value = 0;
        if (Number(text, out var d) is { } error) return error;
        if (d < min || d > MaxYuan) return $"{text.Trim()} is outside {min:N0} to {MaxYuan:N0} yuan";
        value = (int)Math.Round(d, MidpointRounding.AwayFromZero);
        return null;
    }

    public static string? Count(string text, int min, int max, out short value)
    {
        value = 0;
        var t = text.Trim();
        if (!short.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out value))
            return t.Length == 0 ? "a whole number is required" : $"malformed whole number '{t}'";
        if (value < min || value > max) return $"{value} is outside {min} to {max}";
        return null;
    }

    public static string? Bool(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "" or "0" or "false" or "no" or "n" or "否": value = false; return null;
            case "1" or "true" or "yes" or "y" or "是": value = true; return null;
            default: value = false; return $"'{text.Trim()}' is not a yes/no value (true/false, 1/0, 是/否)";
        }
    }

    public static string? Date(string text, out DateOnly? value)
    {
        value = null;
        var t = text.Trim();
        if (t.Length == 0) return null;
        if (!DateOnly.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return $"malformed date '{t}' (yyyy-mm-dd)";
        value = d;
        return null;
    }

    public static string? Monitoring(string text, out MonitoringStatus value)
    {
        value = MonitoringStatus.NotMonitored;
        switch (HouseholdColumns.Normalize(text))
        {
            case "" or "0" or "not_monitored" or "未纳入监测" or "未监测": return null;
            case "1" or "monitored" or "纳入监测" or "已纳入监测" or "监测中": value = MonitoringStatus.Monitored; return null;
            case "2" or "risk_eliminated" or "风险消除" or "风险已消除" or "已消除风险": value = MonitoringStatus.RiskEliminated; return null;
            default: return $"unknown monitoring status '{text.Trim()}' (not_monitored, monitored, risk_eliminated or 未纳入监测/纳入监测/风险消除)";
        }
    }

    /// <summary>Risk types as keys or Chinese labels separated by ';' (or '；', '、'), at most five.</summary>
    public static string? RiskTypes(string text, out List<string> keys)
    {
        keys = [];
        foreach (var item in text.Split(ListSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!RiskTypesByText.TryGetValue(HouseholdColumns.Normalize(item), out var key))
                return $"unknown risk type '{item}' (a key such as illness or a label such as 因病; docs/import-formats.md)";
            if (!keys.Contains(key)) keys.Add(key);
        }
        return keys.Count > RiskType.MaxPerHousehold ? $"{keys.Count} risk types; the register records at most {RiskType.MaxPerHousehold}" : null;
    }

    /// <summary>Assistance as <c>kind:yyyy-mm-dd</c> items separated by ';', kind a key or a Chinese label.</summary>
    public static string? Assistance(string text, out List<AssistanceMeasure> measures)
    {
        measures = [];
        foreach (var item in text.Split(ListSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = item.LastIndexOfAny([':', '：']);
            if (colon < 0) return $"assistance item '{item}' is not kind:yyyy-mm-dd";
            if (AssistanceKindOf(item[..colon], out var kind) is { } unknown) return unknown;
            var error = Date(item[(colon + 1)..], out var date);
            if (error is not null || date is null)
                return $"assistance item '{item}': {error ?? "a date is required"}";
            var measure = new AssistanceMeasure(kind, date.Value);
            if (!measures.Contains(measure)) measures.Add(measure);
        }
        return null;
    }

    /// <summary>An assistance kind given as its key or Chinese label (employment, 就业帮扶).</summary>
    public static string? AssistanceKindOf(string text, out string key)
    {
        if (AssistanceByText.TryGetValue(HouseholdColumns.Normalize(text), out key!)) return null;
        key = "";
        return $"unknown assistance kind '{text.Trim()}' (a key such as employment or a label such as 就业帮扶)";
    }

    /// <summary>
    /// A household's fields as the text a households CSV holds for them, by column key: what the
    /// parsing above reads back into the same household.
    /// </summary>
    public static Dictionary<string, string> TextsOf(Household h)
    {
        var c = CultureInfo.InvariantCulture;
        static string Flag(bool b) => b ? "true" : "false";
        string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", c) ?? "";
        string Yuan(int? v) => v?.ToString(c) ?? "";
        return new Dictionary<string, string>
        {
            ["household_id"] = h.HouseholdId, ["village_code"] = h.VillageCode.ToString(),
            ["lon"] = h.Lon.ToString("R", c), ["lat"] = h.Lat.ToString("R", c),
            ["members"] = h.Members.ToString(c), ["labour"] = h.Labour.ToString(c), ["income_per_capita"] = Yuan(h.IncomePerCapita),
            ["wage_income"] = Yuan(h.WageIncome), ["business_income"] = Yuan(h.BusinessIncome), ["property_income"] = Yuan(h.PropertyIncome),
            ["transfer_income"] = Yuan(h.TransferIncome), ["income_last_year"] = Yuan(h.IncomeLastYear), ["rigid_expenditure"] = Yuan(h.RigidExpenditure),
            ["formerly_poor"] = Flag(h.FormerlyPoor), ["dibao"] = Flag(h.Dibao), ["tekun"] = Flag(h.Tekun), ["relocated"] = Flag(h.Relocated),
            ["site_id"] = h.SiteId?.ToString(c) ?? "",
            ["housing_unsafe"] = Flag(h.HousingUnsafe), ["child_out_of_school"] = Flag(h.ChildOutOfSchool),
            ["no_medical_insurance"] = Flag(h.NoMedicalInsurance), ["water_unsafe"] = Flag(h.WaterUnsafe),
            ["risk_types"] = string.Join(';', h.RiskTypes),
            ["monitoring"] = h.Monitoring switch { MonitoringStatus.Monitored => "monitored", MonitoringStatus.RiskEliminated => "risk_eliminated", _ => "not_monitored" },
            ["monitored_since"] = Day(h.MonitoredSince), ["risk_eliminated_on"] = Day(h.RiskEliminatedOn),
            ["elimination_method"] = h.EliminationMethod ?? "",
            ["assistance"] = string.Join(';', h.Assistance.Select(m => $"{m.Kind}:{Day(m.StartedOn)}")),
            ["last_visit_on"] = Day(h.LastVisitOn),
        };
    }

    private static Dictionary<string, string> IndexKeysAndLabels(IReadOnlyDictionary<string, string> labels)
    {
        var index = new Dictionary<string, string>();
        foreach (var (key, label) in labels)
        {
            index[HouseholdColumns.Normalize(key)] = key;
            index[HouseholdColumns.Normalize(label)] = key;
        }
        return index;
    }
}
