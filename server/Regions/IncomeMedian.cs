namespace RiskMap.Server.Regions;

/// <summary>
/// The median income of a multiset given in parts: sorted lists (whole villages' incomes), plus
/// some incomes added and some taken away (households tested one by one). The convention is the
/// units' (IncomeMedianScan, percentile_disc(0.5)): the lowest income with at least half of the
/// households at or below it, i.e. the ⌈n/2⌉-th smallest. A pure function.
/// </summary>
public static class IncomeMedian
{
    /// <param name="sortedParts">Lists of incomes, each sorted ascending.</param>
    /// <param name="added">Incomes in the multiset besides the parts, in any order.</param>
    /// <param name="removed">Incomes taken out of the parts (each present in them), in any order.</param>
    /// <returns>The median, or null when the multiset is empty.</returns>
    public static int? Of(IReadOnlyList<int[]> sortedParts, int[] added, int[] removed)
    {
        long n = added.Length - removed.Length;
        foreach (var part in sortedParts) n += part.Length;
        if (n <= 0) return null;
        var plus = added.Order().ToArray();
        var minus = removed.Order().ToArray();

        // Binary search over the income values for the lowest one with ⌈n/2⌉ incomes at or below it.
        long need = (n + 1) / 2;
        long low = long.MaxValue, high = long.MinValue;
        foreach (var part in sortedParts.Append(plus).Where(p => p.Length > 0))
        {
            low = Math.Min(low, part[0]);
            high = Math.Max(high, part[^1]);
        }
        while (low < high)
        {
            var mid = low + (high - low) / 2;
            var atOrBelow = AtOrBelow(plus, mid) - AtOrBelow(minus, mid);
            foreach (var part in sortedParts) atOrBelow += AtOrBelow(part, mid);
            if (atOrBelow >= need) high = mid;
            else low = mid + 1;
        }
        return (int)low;
    }

    /// <summary>How many of the sorted <paramref name="values"/> are at most <paramref name="limit"/>.</summary>
    private static long AtOrBelow(int[] values, long limit)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid] <= limit) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
