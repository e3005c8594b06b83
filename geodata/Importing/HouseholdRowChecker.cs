using RiskMap.Geodata.Domain;

namespace RiskMap.Geodata.Importing;

/// <summary>What the database already knows that rows must refer to: villages (level 5) and resettlement sites.</summary>
public sealed record HouseholdReferences(IReadOnlySet<long> Villages, IReadOnlySet<long> Sites);

/// <summary>One household item checked: the household, or why it cannot load; and the item's text.</summary>
public sealed record HouseholdRow(int Line, Household? Household, IReadOnlyList<ImportReject> Rejects, string Raw);

/// <summary>
/// Checks household items field by field (docs/import-formats.md): every problem of an item is
/// reported with its field, so a data officer can fix a file or a batch in one pass. One set of
/// rules for the CSV import and the ingest API's CSV and JSON batches and patches. A household id
/// seen before by this checker is rejected (the first wins).
/// </summary>
/// <param name="references">The villages and sites items may name.</param>
/// <param name="positionName">What a position is called in reasons: "line" (CSV) or "item" (JSON).</param>
/// <param name="fieldName">The name rejects give a column key (JSON uses camelCase); the key itself by default.</param>
public sealed partial class HouseholdRowChecker(HouseholdReferences references, string positionName = "line", Func<string, string>? fieldName = null)
{
    private readonly HouseholdReferences _references = references;
    private readonly Dictionary<string, int> _firstPosition = new(StringComparer.Ordinal);
    private readonly Func<string, string> _fieldName = fieldName ?? (key => key);

    public HouseholdRow Check(HouseholdItem item)
    {
        if (item.Text is null) return new HouseholdRow(item.Position, null, item.Problems, item.Raw);
        var row = new RowReader(this, item);
        var household = row.Read();
        // Any second occurrence of an id is rejected, even when the first was rejected too:
        // which of two rows is the household's is for the data officer to decide.
        if (row.Id is { } id)
        {
            if (_firstPosition.TryGetValue(id, out var first)) row.Error("household_id", $"duplicate household id '{id}' (first on {positionName} {first})");
            else _firstPosition[id] = item.Position;
        }
        var rejects = item.Problems.Concat(row.Errors).ToList();
        return rejects.Count > 0 || household is null
            ? new HouseholdRow(item.Position, null, rejects, item.Raw)
            : new HouseholdRow(item.Position, household, [], item.Raw);
    }

    /// <summary>
    /// The village code and site id an item names, when well-formed, so a caller can load just the
    /// references a batch needs instead of every village.
    /// </summary>
    public static (long? Village, long? Site) ReferencesOf(HouseholdItem item)
    {
        if (item.Text is null) return (null, null);
        long? village = UnitCode.TryParse(item.Text("village_code"), out var code) ? code.Value : null;
        long? site = long.TryParse(item.Text("site_id").Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : null;
        return (village, site);
    }
}
