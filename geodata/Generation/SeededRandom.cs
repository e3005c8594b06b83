namespace RiskMap.Geodata.Generation;

/// <summary>
/// A small deterministic pseudo-random generator (xoshiro256** seeded through SplitMix64).
/// The generator never uses <see cref="Random.Shared"/> or time: the same seed gives the same
/// sequence on every machine and .NET version, so generated datasets are byte-for-byte repeatable.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareNormal;

    public SeededRandom(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix(ref sm);
        _s1 = SplitMix(ref sm);
        _s2 = SplitMix(ref sm);
        _s3 = SplitMix(ref sm);
    }

    /// <summary>
    /// An independent stream for one named part of the output (a unit code, a purpose), so a
    /// unit's shape or households do not change when units are generated in another order or
    /// in parallel.
    /// </summary>
    public static SeededRandom For(ulong seed, long key, ulong purpose)
    {
        var mixed = seed ^ (ulong)key * 0x9E3779B97F4A7C15UL ^ purpose * 0xC2B2AE3D27D4EB4FUL;
        var sm = mixed;
        return new SeededRandom(SplitMix(ref sm) ^ (ulong)key);
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [0, bound).</summary>
    public int NextInt(int bound) => bound <= 1 ? 0 : (int)((NextUInt64() >> 33) % (ulong)bound);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal (Box–Muller; the second value is kept for the next call).</summary>
    public double Normal()
    {
        if (_spareNormal is { } spare)
        {
            _spareNormal = null;
            return spare;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * factor;
        return u * factor;
    }

    public double Normal(double mean, double sd) => mean + sd * Normal();

    /// <summary>Lognormal with the given median and log-scale spread.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    /// <summary>Poisson by inversion for small means, normal approximation above 60.</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0) return 0;
        if (mean > 60) return Math.Max(0, (int)Math.Round(Normal(mean, Math.Sqrt(mean))));
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = NextDouble();
        while (p > limit)
        {
            k++;
            p *= NextDouble();
        }
        return k;
    }

    /// <summary>An index drawn with probability proportional to <paramref name="weights"/>.</summary>
    public int Pick(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var x = NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Length - 1;
    }
}
