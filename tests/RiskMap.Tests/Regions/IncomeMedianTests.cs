using System.Data;
using RiskMap.Server.Regions;
using RiskMap.Server.Statistics;
using RiskMap.Tests.Infrastructure;
using static RiskMap.Tests.Regions.RegionRequests;

namespace RiskMap.Tests.Regions;

public sealed class IncomeMedianTests
{
    [Fact]
    public void Median_OfPartsPlusAndMinusSomeIncomes_IsTheLowerMiddleIncomeOfWhatRemains()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 500; trial++)
        {
            var parts = Enumerable.Range(0, random.Next(0, 6)).Select(_ => Enumerable.Range(0, random.Next(0, 8)).Select(_ => random.Next(-50, 50)).Order().ToArray()).ToList();
            var added = Enumerable.Range(0, random.Next(0, 5)).Select(_ => random.Next(-50, 50)).ToArray();
            var pool = parts.SelectMany(p => p).ToList();
            var removed = pool.OrderBy(_ => random.Next()).Take(random.Next(0, pool.Count + 1)).ToArray();
            var remaining = pool.Concat(added).ToList();
            foreach (var r in removed) remaining.Remove(r);
            remaining.Sort();
            // percentile_disc(0.5): the ⌈n/2⌉-th smallest
            int? expected = remaining.Count == 0 ? null : remaining[(remaining.Count + 1) / 2 - 1];

            Assert.Equal(expected, IncomeMedian.Of(parts, added, removed));
        }
    }

    [Fact]
    public async Task CachedIncomes_AreReadAgainOnceAVillagesIncomesChange()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await WriteHouseholdsAsync(db);
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        await services.Get<MedianRefresher>().RefreshStaleAsync(CancellationToken.None);
        var cache = services.Get<VillageIncomeCache>();
        var wkb = await db.ScalarAsync<byte[]>("SELECT ST_AsBinary(ST_MakeEnvelope(102.59, 27.99, 102.701, 28.101, 4326))"); // 南坪村 whole
        async Task<int?> MedianAsync()
        {
            await using var conn = await db.DataSource.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead);
            var coverage = await RegionCoverage.ReadAsync(conn, tx, wkb!, CancellationToken.None);
            Assert.Equal([TestUnits.VillageA1], coverage.WholeVillages);
            return (await RegionFiguresQuery.ComputeAsync(conn, tx, wkb!, coverage, cache, SubjectKind.Region, 0, CancellationToken.None)).Figures.IncomeMedian;
        }

        Assert.Equal(3500, await MedianAsync()); // 3000, 3500, 40000
        Assert.Equal(3, cache.Incomes);
        await services.WriteAsync(TestUnits.Household("A1-1", TestUnits.VillageA1, 50000));
        Assert.Equal(40000, await MedianAsync()); // stale: read from the households
        await services.Get<MedianRefresher>().RefreshStaleAsync(CancellationToken.None);
        Assert.Equal(40000, await MedianAsync()); // fresh again, a new row version: read and kept
        await services.WriteAsync(TestUnits.Household("A1-4", TestUnits.VillageA1, 1000), TestUnits.Household("A1-5", TestUnits.VillageA1, 1200));
        await services.Get<MedianRefresher>().RefreshStaleAsync(CancellationToken.None);
        Assert.Equal(3500, await MedianAsync()); // 1000, 1200, 3500, 40000, 50000
        Assert.Equal(5, cache.Incomes);
    }

    [Fact]
    public async Task EmptyingEveryHousehold_CountsANewGeneration()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        var before = await db.ScalarAsync<long>("SELECT generation FROM household_generation");

        await db.ExecuteAsync("TRUNCATE household CASCADE");

        Assert.Equal(before + 1, await db.ScalarAsync<long>("SELECT generation FROM household_generation"));
    }
}
