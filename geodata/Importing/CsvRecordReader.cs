using System.Text;

namespace RiskMap.Geodata.Importing;

/// <summary>
/// One CSV record: the physical line it starts on (1-based), its fields, its text as written
/// (for the rejects table), and what was wrong with its quoting, if anything.
/// </summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string Raw, string? QuotingError);

/// <summary>
/// Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes, <c>""</c> for a
/// quote inside them, line breaks inside quoted fields, CRLF or LF line ends. Empty lines are
/// skipped but counted, so line numbers match what an editor shows.
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
{
    /// <summary>Longest raw text kept per record; a rejected row's text is evidence, not a copy of the file.</summary>
    public const int MaxRawLength = 2_000;

    private readonly char[] _buffer = new char[64 * 1024];
    private int _length;
    private int _position;
    private int _line = 1;

    /// <summary>The next record, or null at the end of the input.</summary>
    /// <exception cref="ImportFileException">A quoted field is never closed.</exception>
    public CsvRecord? Read()
    {
        while (true)
        {
            var c = Peek();
            if (c < 0) return null;
            if (c == '\n' || c == '\r') { ReadLineEnd(); continue; }
            return ReadRecord();
        }
    }

    private CsvRecord ReadRecord()
    {
        var startLine = _line;
        var fields = new List<string>();
        var field = new StringBuilder();
        var raw = new StringBuilder();
        string? quotingError = null;
        while (true)
        {
            field.Clear();
            if (Peek() == '"')
            {
                Take(raw);
                while (true)
                {
                    var c = Peek();
                    if (c < 0) throw new ImportFileException($"a quoted field starting on line {startLine} is never closed");
                    if (c == '"')
                    {
                        Take(raw);
                        if (Peek() != '"') break;
                        Take(raw);
                        field.Append('"');
                    }
                    else if (c == '\r' || c == '\n') { field.Append(ReadLineEnd()); raw.Append('\n'); }
                    else field.Append(Take(raw));
                }
                // Text between a closing quote and the next comma is not RFC 4180; keep it, flag the row.
                while (Peek() is >= 0 and not ',' and not '\r' and not '\n')
                {
                    quotingError ??= $"text after the closing quote of field {fields.Count + 1}";
                    field.Append(Take(raw));
                }
            }
            else
            {
                while (Peek() is >= 0 and not ',' and not '\r' and not '\n')
                {
                    var c = Take(raw);
                    if (c == '"') quotingError ??= $"a quote inside unquoted field {fields.Count + 1}";
                    field.Append(c);
                }
            }
            fields.Add(field.ToString());
            var next = Peek();
            if (next == ',') { Take(raw); continue; }
            if (next >= 0) ReadLineEnd();
            var text = raw.Length > MaxRawLength ? raw.ToString(0, MaxRawLength) + "…" : raw.ToString();
            return new CsvRecord(startLine, fields, text, quotingError);
        }
    }

    private string ReadLineEnd()
    {
        var c = Take(null);
        _line++;
        if (c == '\r' && Peek() == '\n') { Take(null); return "\r\n"; }
        return c.ToString();
    }

    private char Take(StringBuilder? raw)
    {
        var c = _buffer[_position++];
        if (raw is not null && raw.Length <= MaxRawLength) raw.Append(c);
        return c;
    }

    private int Peek()
    {
        if (_position < _length) return _buffer[_position];
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0 ? _buffer[0] : -1;
    }
}
