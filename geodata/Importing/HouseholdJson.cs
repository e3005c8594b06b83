using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RiskMap.Geodata.Importing;

/// <summary>
/// The JSON form of a household (the ingest API's batch items and patches, docs/api.md § Ingest):
/// the households CSV's columns under camelCase names (<c>income_per_capita</c> →
/// <c>incomePerCapita</c>), values as JSON strings, numbers, booleans or null, and risk types and
/// assistance also as arrays. Each value becomes the text the CSV would hold, so one
/// <see cref="HouseholdRowChecker"/> judges both forms by the same rules.
/// </summary>
public static class HouseholdJson
{
    private static readonly Dictionary<string, string> KeysByName = HouseholdColumns.All.ToDictionary(c => NameOf(c.Key), c => c.Key, StringComparer.Ordinal);
    private static readonly HashSet<string> ComputedNames = HouseholdColumns.Computed.Select(c => NameOf(c.Key)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The camelCase JSON name of a column key; any other text as it is.</summary>
    public static string NameOf(string key)
    {
        if (!key.Contains('_')) return key;
        var parts = key.Split('_');
        var name = new StringBuilder(parts[0]);
        foreach (var part in parts.Skip(1))
            if (part.Length > 0) name.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        return name.ToString();
    }

    /// <summary>A batch item (a JSON object of household fields) as the household item at its 0-based <paramref name="index"/>.</summary>
    public static HouseholdItem Item(int index, JsonElement element)
    {
        var raw = element.GetRawText();
        if (raw.Length > CsvRecordReader.MaxRawLength) raw = raw[..CsvRecordReader.MaxRawLength] + "…";
        if (element.ValueKind != JsonValueKind.Object)
            return HouseholdItem.Unreadable(index, raw, null, $"an item must be a JSON object of household fields, not {Describe(element)}");
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<ImportReject>();
        foreach (var member in element.EnumerateObject())
        {
            if (Read(member, out var key, out var text) is { } problem) problems.Add(new ImportReject(index, member.Name, problem, raw));
            else if (!texts.TryAdd(key, text)) problems.Add(new ImportReject(index, member.Name, $"{member.Name} is given twice", raw));
        }
        return new HouseholdItem(index, raw, key => texts.GetValueOrDefault(key, ""), problems);
    }

    /// <summary>
    /// One member of a household object as its column key and CSV text (null: <c>""</c>, the value
    /// removed), or the reason it cannot be one: an unknown name, a field the risk model computes,
    /// a JSON type the field does not take.
    /// </summary>
    public static string? Read(JsonProperty member, out string key, out string text)
    {
        text = "";
        if (!KeysByName.TryGetValue(member.Name, out key!))
        {
            key = "";
            return ComputedNames.Contains(member.Name)
                ? $"{member.Name} is computed by the risk model and cannot be given"
                : $"unknown field '{member.Name}' (household fields are the households CSV's columns in camelCase: householdId, villageCode, incomePerCapita, …)";
        }
        var value = member.Value;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null: return null;
            case JsonValueKind.True or JsonValueKind.False: text = value.ValueKind == JsonValueKind.True ? "true" : "false"; return null;
            case JsonValueKind.Number:
                text = value.TryGetDecimal(out var number) ? number.ToString(CultureInfo.InvariantCulture) : value.GetRawText();
                return null;
            case JsonValueKind.String:
                text = value.GetString()!;
                return text.Contains('\0') ? $"{member.Name} contains a NUL character" : null;
            case JsonValueKind.Array when key == "risk_types":
                return Join(member.Name, value, item => item.ValueKind == JsonValueKind.String ? (item.GetString(), null) : (null, "a risk type key such as illness"), out text);
            case JsonValueKind.Array when key == "assistance":
                return Join(member.Name, value, Measure, out text);
            default:
                return $"{member.Name} must be a string, number, boolean or null, not {Describe(value)}";
        }
    }

    /// <summary>An array's items as one ';'-separated text, as the CSV writes lists.</summary>
    private static string? Join(string name, JsonElement array, Func<JsonElement, (string? Text, string? Expected)> read, out string text)
    {
        var parts = new List<string>();
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var (part, expected) = read(item);
            if (part is null) { text = ""; return $"{name}[{i}] must be {expected}, not {Describe(item)}"; }
            if (part.Contains('\0')) { text = ""; return $"{name}[{i}] contains a NUL character"; }
            parts.Add(part);
            i++;
        }
        text = string.Join(';', parts);
        return null;
    }

    /// <summary>An assistance measure as <c>{"kind": "employment", "startedOn": "2025-06-01"}</c> or the CSV's <c>"employment:2025-06-01"</c>.</summary>
    private static (string?, string?) Measure(JsonElement item)
    {
        const string expected = "an object {\"kind\", \"startedOn\"}";
        if (item.ValueKind == JsonValueKind.String) return (item.GetString(), null);
        if (item.ValueKind != JsonValueKind.Object) return (null, expected);
        string? kind = null, startedOn = null;
        foreach (var m in item.EnumerateObject())
        {
            if (m.Value.ValueKind != JsonValueKind.String) return (null, expected + " of strings");
            if (m.Name == "kind") kind = m.Value.GetString();
            else if (m.Name == "startedOn") startedOn = m.Value.GetString();
            else return (null, expected + $" without '{m.Name}'");
        }
        // An item the CSV form could not tell apart from two items or a kind:date pair.
        if (kind is null || kind.IndexOfAny([';', '；', '、', ':', '：']) >= 0) return (null, expected + " with a kind");
        return ($"{kind}:{startedOn}", null);
    }

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "a boolean",
    };
}
