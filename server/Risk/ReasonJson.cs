using System.Text.Json;

namespace RiskMap.Server.Risk;

/// <summary>
/// The shape of household.reasons (jsonb): an array of {"key", "value", "zh", "en"}. Keys are
/// stable; value is the number the text quotes (a multiple of the line, a share or days), or
/// null when the text quotes none. Text is stored so exports and SQL readers need no model code.
/// </summary>
public static class ReasonJson
{
    public static void Write(Utf8JsonWriter writer, in ReasonList reasons)
    {
        writer.WriteStartArray();
        for (var i = 0; i < reasons.Count; i++)
        {
            var r = reasons[i];
            writer.WriteStartObject();
            writer.WriteString("key", r.Key);
            if (QuotesNumber(r.Code)) writer.WriteNumber("value", Math.Round(r.Value, 4));
            else writer.WriteNull("value");
            writer.WriteString("zh", r.Chinese);
            writer.WriteString("en", r.English);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>The reasons as a JSON text (allocates; for single rows and tests).</summary>
    public static string ToJson(in ReasonList reasons)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Write(writer, reasons);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static bool QuotesNumber(ReasonCode code) => code switch
    {
        ReasonCode.HousingUnsafe or ReasonCode.ChildOutOfSchool or ReasonCode.NoMedicalInsurance or ReasonCode.WaterUnsafe
            or ReasonCode.RiskType or ReasonCode.Relocated or ReasonCode.NeverVisited => false,
        _ => true,
    };
}
