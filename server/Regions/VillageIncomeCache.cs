using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Database;

namespace RiskMap.Server.Regions;

/// <summary>
/// Sorted incomes of villages' households, kept between region queries: a region's median needs
/// every income in it, and reading them from the households of the villages it covers whole
/// costs more than the rest of the query. A copy holds while the village's figures row is the
/// same version with a fresh median (<see cref="TouchedUnit.IncomeToken"/>: any income change
/// makes the row stale, and clearing that makes a new version) and no bulk load replaced the
/// households since (<see cref="RegionCoverage.Generation"/>); otherwise the incomes are read
/// again in the caller's snapshot. Bounded by <see cref="RegionOptions.IncomeCacheHouseholds"/>.
/// </summary>
public sealed class VillageIncomeCache(IOptions<RegionOptions> options)
{
    private sealed record Entry(long Generation, string Token, int[] Incomes);

    private readonly ConcurrentDictionary<long, Entry> _entries = new();
    private long _incomes;

    /// <summary>Incomes held now (for tests and diagnostics).</summary>
    public long Incomes => Interlocked.Read(ref _incomes);

    /// <summary>The sorted incomes of each village the region covers whole, from the cache or the households.</summary>
    public async Task<List<int[]>> WholeVillagesAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, RegionCoverage coverage, CancellationToken ct)
    {
        var parts = new List<int[]>(coverage.WholeVillages.Length);
        var missing = new List<TouchedUnit>();
        foreach (var village in coverage.Units.Where(u => u.Level == UnitLevel.Village && u.Whole))
        {
            if (village.IncomeToken is { } token && _entries.TryGetValue(village.Code, out var e) && e.Token == token && e.Generation == coverage.Generation)
                parts.Add(e.Incomes);
            else
                missing.Add(village);
        }
        if (missing.Count == 0) return parts;

        var read = new Dictionary<long, int[]>(missing.Count);
        await using (var cmd = new NpgsqlCommand(SqlFile.Load("Regions.village_incomes"), conn, tx))
        {
            cmd.Parameters.Add(new() { Value = missing.Select(v => v.Code).ToArray() });
            cmd.Parameters.Add(new() { Value = missing.Select(v => new UnitCode(v.Code).County.Value).Distinct().ToArray() });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) read[r.GetInt64(0)] = r.GetFieldValue<int[]>(1);
        }
        foreach (var village in missing)
        {
            var incomes = read.GetValueOrDefault(village.Code) ?? [];
            parts.Add(incomes);
            if (village.IncomeToken is { } token) Store(village.Code, new Entry(coverage.Generation, token, incomes));
        }
        return parts;
    }

    private void Store(long village, Entry entry)
    {
        // Past the budget, start again: simpler than an LRU, and a budget sized for the province
        // (10 M households ≈ 40 MB) is rarely reached.
        if (Interlocked.Read(ref _incomes) + entry.Incomes.Length > options.Value.IncomeCacheHouseholds)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _incomes, 0);
        }
        _entries.AddOrUpdate(village,
            _ => { Interlocked.Add(ref _incomes, entry.Incomes.Length); return entry; },
            (_, old) => { Interlocked.Add(ref _incomes, entry.Incomes.Length - old.Incomes.Length); return entry; });
    }
}
