namespace RiskMap.Geodata.Importing;

/// <summary>
/// Turns a households CSV (docs/import-formats.md) into households, row by row: the records of a
/// <see cref="HouseholdCsvReader"/> checked by a <see cref="HouseholdRowChecker"/>, every problem
/// of a row reported with its line and field. A household id seen before in the file is rejected
/// (the first wins).
/// </summary>
public sealed class HouseholdCsvParser
{
    private readonly HouseholdCsvReader _reader;
    private readonly HouseholdRowChecker _checker;

    private HouseholdCsvParser(HouseholdCsvReader reader, HouseholdRowChecker checker)
    {
        _reader = reader;
        _checker = checker;
    }

    /// <summary>Headers in the file that name no RiskMap column; their values are not loaded.</summary>
    public IReadOnlyList<string> IgnoredColumns => _reader.IgnoredColumns;

    /// <summary>Reads the header row.</summary>
    /// <exception cref="ImportFileException">No header, a column named twice, or a required column missing.</exception>
    public static HouseholdCsvParser Open(TextReader reader, HouseholdReferences references) =>
        new(HouseholdCsvReader.Open(reader), new HouseholdRowChecker(references));

    /// <summary>The next data row, or null at the end of the file.</summary>
    public HouseholdRow? Next() => _reader.Next() is { } item ? _checker.Check(item) : null;
}
