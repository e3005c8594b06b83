namespace RiskMap.Geodata.Importing;

/// <summary>
/// Reads a households CSV (docs/import-formats.md) into household items: the header is matched to
/// the columns, and each record becomes an item whose fields are looked up by column key, or an
/// unreadable item (broken quoting, a wrong number of fields, a NUL character). Checking the
/// fields is <see cref="HouseholdRowChecker"/>'s job.
/// </summary>
public sealed class HouseholdCsvReader
{
    private readonly CsvRecordReader _csv;
    private readonly Dictionary<string, int> _columns;
    private readonly int _width;

    private HouseholdCsvReader(CsvRecordReader csv, Dictionary<string, int> columns, int width, IReadOnlyList<string> ignored)
    {
        _csv = csv;
        _columns = columns;
        _width = width;
        IgnoredColumns = ignored;
    }

    /// <summary>Headers in the file that name no RiskMap column; their values are not loaded.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; }

    /// <summary>Reads the header row.</summary>
    /// <exception cref="ImportFileException">No header, a column named twice, or a required column missing.</exception>
    public static HouseholdCsvReader Open(TextReader reader)
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
        return new HouseholdCsvReader(csv, columns, header.Fields.Count, ignored);
    }

    /// <summary>The next data row as an item, or null at the end of the file.</summary>
    /// <exception cref="ImportFileException">A quoted field is never closed.</exception>
    public HouseholdItem? Next()
    {
        var record = _csv.Read();
        // Spreadsheets pad a sheet with rows of bare commas; they hold no data to reject.
        while (record is not null && record.QuotingError is null && record.Fields.All(string.IsNullOrWhiteSpace)) record = _csv.Read();
        if (record is null) return null;
        if (record.QuotingError is { } quoting) return HouseholdItem.Unreadable(record.Line, record.Raw, null, $"malformed quoting: {quoting}");
        if (record.Fields.Count != _width)
            return HouseholdItem.Unreadable(record.Line, record.Raw, null, $"{record.Fields.Count} fields where the header has {_width}");
        // PostgreSQL text cannot hold NUL: a file with one is damaged, not a value to store.
        if (record.Fields.ToList().FindIndex(f => f.Contains('\0')) is var nul and >= 0)
            return HouseholdItem.Unreadable(record.Line, record.Raw, _columns.FirstOrDefault(c => c.Value == nul).Key, "the field contains a NUL character");
        var fields = record.Fields;
        return HouseholdItem.Readable(record.Line, record.Raw, key => _columns.TryGetValue(key, out var i) ? fields[i] : "");
    }
}
