namespace RiskMap.Geodata.Divisions;

/// <summary>Reads the small comma-separated files in shared/data (RFC 4180 quoting, UTF-8, header row).</summary>
internal static class DivisionCsv
{
    public static IEnumerable<Dictionary<string, string>> ReadRecords(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        var header = reader.ReadLine() is { } h ? SplitLine(h) : throw new InvalidDataException($"{path} is empty");
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var fields = SplitLine(line);
            if (fields.Count != header.Count)
                throw new InvalidDataException($"{path}:{lineNumber}: {fields.Count} fields, header has {header.Count}");
            var record = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++) record[header[i]] = fields[i];
            yield return record;
        }
    }

    internal static List<string> SplitLine(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
