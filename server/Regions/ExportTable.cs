using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RiskMap.Server.Regions;

/// <summary>One row of an export: its cells in header order, and its outline or point as GeoJSON when it has one.</summary>
public sealed record ExportRow(IReadOnlyList<object?> Cells, string? GeometryJson);

/// <summary>
/// A table to hand to planners: Chinese column headers and rows, written as CSV (opens in Excel
/// and WPS) or as a GeoJSON FeatureCollection whose properties are the same columns (opens in QGIS).
/// </summary>
public sealed record ExportTable(IReadOnlyList<string> Headers, IReadOnlyList<ExportRow> Rows)
{
    // Excel and WPS read a CSV as UTF-8 only after a byte-order mark (as DataExporter's households.csv).
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>RFC 4180 CSV, UTF-8 with a byte-order mark, CRLF line ends.</summary>
    public byte[] ToCsv()
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Headers.Select(Quote)).Append("\r\n");
        foreach (var row in Rows)
            text.AppendJoin(',', row.Cells.Select(c => Quote(CsvCell(c)))).Append("\r\n");
        return [.. Utf8WithBom.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>An RFC 7946 FeatureCollection (EPSG:4326, no crs member); rows without geometry get a null one.</summary>
    public byte[] ToGeoJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var row in Rows)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WritePropertyName("geometry");
                if (row.GeometryJson is null) w.WriteNullValue();
                else w.WriteRawValue(row.GeometryJson);
                w.WriteStartObject("properties");
                for (var i = 0; i < Headers.Count; i++)
                {
                    w.WritePropertyName(Headers[i]);
                    JsonSerializer.Serialize(w, row.Cells[i]);
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static string CsvCell(object? value) => value switch
    {
        null => "",
        bool b => b ? "是" : "否",
        double d => d.ToString("0.######", CultureInfo.InvariantCulture),
        float f => f.ToString("0.##", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
        // A text cell a spreadsheet would run as a formula is kept as text.
        string s when s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' => "'" + s,
        _ => value.ToString() ?? "",
    };

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
