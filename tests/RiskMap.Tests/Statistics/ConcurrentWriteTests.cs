using RiskMap.Tests.Infrastructure;
using RiskMap.Tests.Live;

namespace RiskMap.Tests.Statistics;

public sealed class ConcurrentWriteTests
{
    [Fact]
    public async Task ConcurrentFirstWritesToUnitsWithoutFigures_AreAllCounted()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, TimeProvider.System);

        // Eight writers add the first households of the same village at once: none may start from a stale zero.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(() =>
            services.WriteAsync(Enumerable.Range(0, 5).Select(i => TestUnits.Household($"W{w}-{i}", TestUnits.VillageA1, LiveTestData.Comfortable)).ToArray()))));

        foreach (var unit in new[] { TestUnits.VillageA1, TestUnits.TownshipA, TestUnits.County, TestUnits.Province })
            Assert.Equal(40, await db.ScalarAsync<int>("SELECT households FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1", unit));
    }

    [Fact]
    public async Task ConcurrentUpdatesOfTheSameHouseholdsInDifferentOrders_NeitherDeadlockNorMiscount()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, TimeProvider.System);
        var ids = Enumerable.Range(0, 60).Select(i => $"C{i:D2}").ToArray();
        await services.WriteAsync(ids.Select(id => TestUnits.Household(id, TestUnits.VillageA1, LiveTestData.Comfortable)).ToArray());

        // Six writers rewrite the same households, each in its own order and with its own incomes, three rounds each:
        // every batch must wait for the others' row locks, never deadlock, and fold its deltas from the rows it replaced.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            for (var round = 0; round < 3; round++)
            {
                var order = ids.OrderBy(_ => random.Next()).ToArray();
                await services.WriteAsync(order.Select((id, i) =>
                    TestUnits.Household(id, TestUnits.VillageA1, (i + w + round) % 3 == 0 ? LiveTestData.Poor : LiveTestData.Comfortable)).ToArray());
            }
        })));

        var counted = await db.ScalarAsync<int>("SELECT count(*)::int FROM household WHERE risk_level >= 2");
        Assert.InRange(counted, 1, 59);
        foreach (var unit in new[] { TestUnits.VillageA1, TestUnits.TownshipA, TestUnits.County, TestUnits.Province })
        {
            Assert.Equal(60, await db.ScalarAsync<int>("SELECT households FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1", unit));
            Assert.Equal(counted, await db.ScalarAsync<int>("SELECT level2 + level3 FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1", unit));
        }
    }
}
