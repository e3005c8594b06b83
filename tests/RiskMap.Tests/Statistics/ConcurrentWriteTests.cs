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
}
