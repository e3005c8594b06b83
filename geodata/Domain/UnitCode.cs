namespace RiskMap.Geodata.Domain;

/// <summary>Administrative levels of the national statistical division codes (统计用区划代码).</summary>
public enum UnitLevel : short
{
    Province = 1,
    Prefecture = 2,
    County = 3,
    Township = 4,
    Village = 5,
}

/// <summary>
/// A 12-digit division code held as a number (513431000000 = 昭觉县). Stored as bigint in
/// PostgreSQL: 8 bytes a row instead of 13, and ancestors follow by integer division.
/// </summary>
public readonly record struct UnitCode(long Value) : IComparable<UnitCode>
{
    // Digits kept by each level: province 2, prefecture 4, county 6, township 9, village 12.
    private static readonly long[] Divisors = [0, 10_000_000_000, 100_000_000, 1_000_000, 1_000, 1];

    public static UnitCode Parse(string text)
    {
        if (!TryParse(text, out var code))
            throw new FormatException($"'{text}' is not a division code of 2, 4, 6, 9 or 12 digits");
        return code;
    }

    /// <summary>Accepts 2, 4, 6, 9 or 12 digits; shorter codes are padded to 12.</summary>
    public static bool TryParse(string? text, out UnitCode code)
    {
        code = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || !text.All(char.IsAsciiDigit)) return false;
        var pad = text.Length switch { 2 => 10, 4 => 8, 6 => 6, 9 => 3, 12 => 0, _ => -1 };
        if (pad < 0) return false;
        var value = long.Parse(text) * (long)Math.Pow(10, pad);
        if (value < 110_000_000_000 || value > 829_999_999_999) return false;
        code = new UnitCode(value);
        return true;
    }

    /// <summary>The level this code names: the deepest level with a non-zero segment.</summary>
    public UnitLevel Level =>
        Value % 1_000 != 0 ? UnitLevel.Village
        : Value % 1_000_000 != 0 ? UnitLevel.Township
        : Value % 100_000_000 != 0 ? UnitLevel.County
        : Value % 10_000_000_000 != 0 ? UnitLevel.Prefecture
        : UnitLevel.Province;

    /// <summary>The ancestor (or self) at <paramref name="level"/>.</summary>
    public UnitCode AtLevel(UnitLevel level)
    {
        var d = Divisors[(int)level];
        return new UnitCode(Value / d * d);
    }

    public UnitCode County => AtLevel(UnitLevel.County);

    public int CompareTo(UnitCode other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString("D12");
}
