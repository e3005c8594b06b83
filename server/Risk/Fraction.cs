using System.ComponentModel;
using System.Globalization;

namespace RiskMap.Server.Risk;

/// <summary>
/// An exact non-negative ratio such as 1/3, used for every share threshold. The seeds' rules
/// say "more than one third"; 0.3333 in a double cannot say that, and a share of exactly one
/// third must not count, so comparisons are done in integers: part·den vs whole·num.
/// Configuration accepts "1/3", "0.5" or "30%".
/// </summary>
[TypeConverter(typeof(FractionConverter))]
public readonly record struct Fraction(long Numerator, long Denominator)
{
    /// <summary>Largest denominator accepted, so part·den stays far inside a long for yuan and household counts.</summary>
    public const long MaxDenominator = 1_000_000;

    public static Fraction Of(long numerator, long denominator) => new(numerator, denominator);

    /// <summary>True when the denominator is 1–<see cref="MaxDenominator"/> and the numerator 0–100·MaxDenominator (so part·den and whole·num fit a long).</summary>
    public bool IsValid => Denominator > 0 && Denominator <= MaxDenominator && Numerator >= 0 && Numerator <= MaxDenominator * 100;

    /// <summary>The ratio as a double, for scores and display only; never for boundary decisions.</summary>
    public double Value => Denominator == 0 ? double.NaN : (double)Numerator / Denominator;

    /// <summary>part / whole &gt; this ratio, exactly. A non-positive whole exceeds nothing unless part is positive.</summary>
    public bool IsExceededBy(long part, long whole) =>
        whole <= 0 ? part > 0 : part * Denominator > whole * Numerator;

    /// <summary>part / whole ≥ this ratio, exactly.</summary>
    public bool IsReachedBy(long part, long whole) =>
        whole <= 0 ? part > 0 || Numerator == 0 : part * Denominator >= whole * Numerator;

    public static Fraction Parse(string text)
    {
        if (!TryParse(text, out var value))
            throw new FormatException($"'{text}' is not a fraction: write 1/3, 0.5 or 30%");
        return value;
    }

    public static bool TryParse(string? text, out Fraction value)
    {
        value = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) return false;
        var slash = text.IndexOf('/');
        if (slash >= 0)
        {
            if (!long.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                || !long.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
                || d == 0)
                return false;
            value = Reduce(n, d);
            return true;
        }
        var percent = text.EndsWith('%');
        var number = percent ? text[..^1] : text;
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dec))
            return false;
        if (percent) dec /= 100m;
        long den = 1;
        while (decimal.Truncate(dec * den) != dec * den)
        {
            den *= 10;
            if (den > MaxDenominator) return false;
        }
        value = Reduce((long)(dec * den), den);
        return true;
    }

    private static Fraction Reduce(long n, long d)
    {
        var g = Gcd(n, d);
        return g == 0 ? new(n, d) : new(n / g, d / g);
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return Math.Abs(a);
    }

    public override string ToString() =>
        Denominator == 1 ? Numerator.ToString(CultureInfo.InvariantCulture)
        : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>Lets configuration binding read "1/3", "0.5" or "30%" into a <see cref="Fraction"/>.</summary>
public sealed class FractionConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string s ? Fraction.Parse(s) : base.ConvertFrom(context, culture, value);

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is Fraction f ? f.ToString() : base.ConvertTo(context, culture, value, destinationType);
}
