using System.Globalization;
using System.Xml;
using RiskMap.Server.Risk;

namespace RiskMap.Server.Alerts;

/// <summary>Clear thresholds of the scale rule per level, as written: "2/5", "0.4" or "40%".</summary>
public sealed record ScaleClearDto(string Village, string Township, string County, string Prefecture, string Province, string Site);

/// <summary>
/// The alert rules an administrator may change while the server runs (what <c>Alerts:*</c> in
/// configuration sets until then): periods as <c>d.hh:mm:ss</c>, shares as fractions. It is also
/// what each change stores, so the rules in force are whole in every stored row.
/// </summary>
public sealed record AlertRulesDto(
    string PendingPeriod, string EscalateAfter, int MinimumHouseholds, ScaleClearDto ScaleClear,
    string EmploymentFloor, string EmploymentClear, int MinimumLabour, bool HouseholdAlerts);

/// <summary>The clear thresholds to change; a level left out keeps its threshold.</summary>
public sealed record ScaleClearChange(string? Village, string? Township, string? County, string? Prefecture, string? Province, string? Site);

/// <summary>
/// A change to the alert rules: only the fields given change. <c>Comment</c> (why) is required and kept
/// in the trail; <c>Version</c>, when given, must be the version in force, so two administrators
/// editing at once do not overwrite each other unseen.
/// </summary>
public sealed record AlertRulesChange(
    string? PendingPeriod = null, string? EscalateAfter = null, int? MinimumHouseholds = null, ScaleClearChange? ScaleClear = null,
    string? EmploymentFloor = null, string? EmploymentClear = null, int? MinimumLabour = null, bool? HouseholdAlerts = null,
    string? Comment = null, long? Version = null);

/// <summary>
/// Pure conversions between the alert options and their written form, and the rule of a change:
/// every field parsed and checked, errors naming the field as the API's JSON spells it.
/// </summary>
public static class AlertRuleSet
{
    public static AlertRulesDto ToDto(AlertOptions o) => new(
        Period(o.PendingPeriod), Period(o.EscalateAfter), o.MinimumHouseholds,
        new ScaleClearDto(o.ScaleClear.Village.ToString(), o.ScaleClear.Township.ToString(), o.ScaleClear.County.ToString(),
            o.ScaleClear.Prefecture.ToString(), o.ScaleClear.Province.ToString(), o.ScaleClear.Site.ToString()),
        o.EmploymentFloor.ToString(), o.EmploymentClear.ToString(), o.MinimumLabour, o.HouseholdAlerts);

    /// <summary>A stored rule set over the configured options (which keep what it does not hold: the clock and sweep intervals).</summary>
    public static (AlertOptions? Options, IReadOnlyList<OptionError> Errors) FromDto(AlertRulesDto dto, AlertOptions configured, RegionRuleOptions regions) =>
        Apply(configured, new AlertRulesChange(dto.PendingPeriod, dto.EscalateAfter, dto.MinimumHouseholds,
            new ScaleClearChange(dto.ScaleClear.Village, dto.ScaleClear.Township, dto.ScaleClear.County, dto.ScaleClear.Prefecture, dto.ScaleClear.Province, dto.ScaleClear.Site),
            dto.EmploymentFloor, dto.EmploymentClear, dto.MinimumLabour, dto.HouseholdAlerts), regions);

    /// <summary>
    /// The rules <paramref name="current"/> become with <paramref name="change"/>, or every error,
    /// each naming its field ("scaleClear.village"). The comment and version are the caller's to check.
    /// </summary>
    public static (AlertOptions? Options, IReadOnlyList<OptionError> Errors) Apply(AlertOptions current, AlertRulesChange change, RegionRuleOptions regions)
    {
        var next = current.Copy();
        var errors = new List<OptionError>();
        if (change.PendingPeriod is { } pending) SetPeriod(pending, nameof(AlertOptions.PendingPeriod), v => next.PendingPeriod = v);
        if (change.EscalateAfter is { } escalate) SetPeriod(escalate, nameof(AlertOptions.EscalateAfter), v => next.EscalateAfter = v);
        if (change.MinimumHouseholds is { } households) next.MinimumHouseholds = households;
        if (change.MinimumLabour is { } labour) next.MinimumLabour = labour;
        if (change.HouseholdAlerts is { } household) next.HouseholdAlerts = household;
        if (change.EmploymentFloor is { } floor) SetFraction(floor, nameof(AlertOptions.EmploymentFloor), v => next.EmploymentFloor = v);
        if (change.EmploymentClear is { } clear) SetFraction(clear, nameof(AlertOptions.EmploymentClear), v => next.EmploymentClear = v);
        if (change.ScaleClear is { } s)
        {
            var shares = next.ScaleClear;
            const string at = nameof(AlertOptions.ScaleClear) + ".";
            if (s.Village is { } village) SetFraction(village, at + nameof(ScaleClearShares.Village), v => shares.Village = v);
            if (s.Township is { } township) SetFraction(township, at + nameof(ScaleClearShares.Township), v => shares.Township = v);
            if (s.County is { } county) SetFraction(county, at + nameof(ScaleClearShares.County), v => shares.County = v);
            if (s.Prefecture is { } prefecture) SetFraction(prefecture, at + nameof(ScaleClearShares.Prefecture), v => shares.Prefecture = v);
            if (s.Province is { } province) SetFraction(province, at + nameof(ScaleClearShares.Province), v => shares.Province = v);
            if (s.Site is { } site) SetFraction(site, at + nameof(ScaleClearShares.Site), v => shares.Site = v);
        }
        if (errors.Count > 0) return (null, errors.Select(Json).ToList());
        var invalid = next.Validate(regions);
        return invalid.Count > 0 ? (null, invalid.Select(Json).ToList()) : (next, []);

        void SetPeriod(string text, string field, Action<TimeSpan> set)
        {
            if (TryParsePeriod(text, out var value)) set(value);
            else errors.Add(new(field, $"{field} is a period written d.hh:mm:ss (\"00:00:30\", \"15.00:00:00\") or ISO 8601 (\"PT30S\", \"P15D\"), not '{text}'"));
        }

        void SetFraction(string text, string field, Action<Fraction> set)
        {
            if (Fraction.TryParse(text, out var value)) set(value);
            else errors.Add(new(field, $"{field} is a share written \"2/5\", \"0.4\" or \"40%\", not '{text}'"));
        }
    }

    /// <summary>The field as the API's JSON spells it: "ScaleClear.Village" → "scaleClear.village".</summary>
    public static string JsonField(string field) =>
        string.Join('.', field.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    private static OptionError Json(OptionError e) => e with { Field = JsonField(e.Field) };

    public static string Period(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    public static bool TryParsePeriod(string? text, out TimeSpan value)
    {
        value = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) return false;
        if (TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out value)) return true;
        if (!text.StartsWith('P') && !text.StartsWith("-P", StringComparison.Ordinal)) return false;
        try
        {
            value = XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (FormatException) { return false; }
        catch (OverflowException) { return false; }
    }
}
