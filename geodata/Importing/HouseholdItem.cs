namespace RiskMap.Geodata.Importing;

/// <summary>
/// One household as given, before its fields are checked: where it stands (a CSV's 1-based line,
/// or a JSON batch item's 0-based index), its text as given (kept with its rejects), the text of
/// each field by households CSV column key (<c>""</c> when absent), and the problems found while
/// reading it (a wrong number of CSV fields, an unknown JSON member). <see cref="Text"/> is null
/// when the item could not be read as fields at all.
/// </summary>
public sealed record HouseholdItem(int Position, string Raw, Func<string, string>? Text, IReadOnlyList<ImportReject> Problems)
{
    /// <summary>An item whose fields can be read, with no problem so far.</summary>
    public static HouseholdItem Readable(int position, string raw, Func<string, string> text) => new(position, raw, text, []);

    /// <summary>An item that cannot be read as fields: one reject, no field checks.</summary>
    public static HouseholdItem Unreadable(int position, string raw, string? field, string reason) =>
        new(position, raw, null, [new ImportReject(position, field, reason, raw)]);
}
