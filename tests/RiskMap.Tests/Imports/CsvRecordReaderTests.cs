using RiskMap.Geodata.Importing;

namespace RiskMap.Tests.Imports;

public sealed class CsvRecordReaderTests
{
    [Fact]
    public void QuotedFieldsWithCommasQuotesAndLineBreaks_ReadAsOneRecord_AndLaterLinesKeepEditorLineNumbers()
    {
        var reader = new CsvRecordReader(new StringReader("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n\r\nlast,row"));

        var header = reader.Read()!;
        var quoted = reader.Read()!;
        var last = reader.Read()!;

        Assert.Equal((1, "a|b"), (header.Line, string.Join('|', header.Fields)));
        Assert.Equal((2, "x, \"y\"|two\nlines"), (quoted.Line, string.Join('|', quoted.Fields)));
        Assert.Equal((5, "last|row"), (last.Line, string.Join('|', last.Fields)));
        Assert.Null(reader.Read());
    }

    [Fact]
    public void TextAfterAClosingQuote_FlagsTheRecord_AndAnUnclosedQuote_RefusesTheFile()
    {
        var flagged = new CsvRecordReader(new StringReader("\"ab\"c,d\n")).Read()!;
        Assert.Equal("text after the closing quote of field 1", flagged.QuotingError);

        var unclosed = new CsvRecordReader(new StringReader("a,b\n\"never closed,c\n"));
        unclosed.Read();
        Assert.Equal("a quoted field starting on line 2 is never closed", Assert.Throws<ImportFileException>(() => unclosed.Read()).Message);
    }

    [Fact]
    public void RowsOfBareCommas_AreSkipped_NotRejected()
    {
        var parser = HouseholdCsvParser.Open(
            new StringReader("household_id,village_code,lon,lat,members,labour,income_per_capita\n,,,,,,\nH1,513431100001,102.65,28.05,3,1,9000\n,,,,,,\n"),
            new HouseholdReferences(new HashSet<long> { 513431100001 }, new HashSet<long>()));

        var row = parser.Next()!;

        Assert.Equal((3, "H1"), (row.Line, row.Household!.HouseholdId));
        Assert.Null(parser.Next());
    }
}
