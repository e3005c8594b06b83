using RiskMap.Geodata.Domain;

namespace RiskMap.Geodata.Importing;

/// <summary>What the database already knows that rows must refer to: villages (level 5) and resettlement sites.</summary>
public sealed record HouseholdReferences(IReadOnlySet<long> Villages, IReadOnlySet<long> Sites);

/// <summary>One data row of a households CSV: the household, or why it cannot load; and the row's text.</summary>
public sealed record HouseholdRow(int Line, Household? Household, IReadOnlyList<ImportReject> Rejects, string Raw);

/// <summary>
/// Turns a households CSV (docs/import-formats.md) into households, row by row: every field
/// checked, every problem of a row reported with its line and field, so a data officer can fix
/// a file in one pass. A household id seen before in the file is rejected (the first wins).
/// </summary>
public sealed partial class HouseholdCsvParser
{
    private readonly CsvRecordReader _csv;
    private readonly Dictionary<string, int> _columns;
    private readonly int _width;
    private readonly HouseholdReferences _references;
    private readonly Dictionary<string, int> _firstLine = new(StringComparer.Ordinal);

    private HouseholdCsvParser(CsvRecordReader csv, Dictionary<string, int> columns, int width, IReadOnlyList<string> ignored, HouseholdReferences references)
    {
        _csv = csv;
        _columns = columns;
        _width = width;
        IgnoredColumns = ignored;
        _references = references;
    }

    /// <summary>Headers in the file that name no RiskMap column; their values are not loaded.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; }

    /// <summary>Reads the header row.</summary>
    /// <exception cref="ImportFileException">No header, a column named twice, or a required column missing.</exception>
    public static HouseholdCsvParser Open(TextReader reader, HouseholdReferences references)
    {
        var csv = new CsvRecordReader(reader);
        var header = csv.Read() ?? throw new ImportFileException("the file is empty: a header row is required (docs/import-formats.md)");
        var columns = new Dictionary<string, int>();
        var ignored = new List<string>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i];
            if (HouseholdColumns.Find(name) is not { } column) { if (name.Trim().Length > 0) ignored.Add(name.Trim()); continue; }
            if (!columns.TryAdd(column.Key, i))
                throw new ImportFileException($"the header names column {column.Key} twice ('{header.Fields[columns[column.Key]].Trim()}' and '{name.Trim()}')");
        }
        var missing = HouseholdColumns.All.Where(c => c.Required && !columns.ContainsKey(c.Key))
            .Select(c => $"{c.Key} ({c.Aliases[0]})").ToList();
        if (missing.Count > 0)
            throw new ImportFileException($"required column{(missing.Count > 1 ? "s" : "")} missing from the header: {string.Join(", ", missing)}");
        return new HouseholdCsvParser(csv, columns, header.Fields.Count, ignored, references);
    }

    /// <summary>The next data row, or null at the end of the file.</summary>
    public HouseholdRow? Next()
    {
        var record = _csv.Read();
        // Spreadsheets pad a sheet with rows of bare commas; they hold no data to reject.
        while (record is not null && record.QuotingError is null && record.Fields.All(string.IsNullOrWhiteSpace)) record = _csv.Read();
        if (record is null) return null;
        var row = new RowReader(this, record);
        if (record.QuotingError is { } quoting) return row.Only(null, $"malformed quoting: {quoting}");
        if (record.Fields.Count != _width)
            return row.Only(null, $"{record.Fields.Count} fields where the header has {_width}");
        // PostgreSQL text cannot hold NUL: a file with one is damaged, not a value to store.
        if (record.Fields.ToList().FindIndex(f => f.Contains('\0')) is var nul and >= 0)
            return row.Only(_columns.FirstOrDefault(c => c.Value == nul).Key, "the field contains a NUL character");
        var household = row.Read();
        // Any second occurrence of an id is rejected, even when the first was rejected too:
        // which of two rows is the household's is for the data officer to decide.
        if (row.Id is { } id)
        {
            if (_firstLine.TryGetValue(id, out var first)) row.Error("household_id", $"duplicate household id '{id}' (first on line {first})");
            else _firstLine[id] = record.Line;
        }
        return row.HasErrors || household is null
            ? new HouseholdRow(record.Line, null, row.Errors, record.Raw)
            : new HouseholdRow(record.Line, household, [], record.Raw);
    }
}
