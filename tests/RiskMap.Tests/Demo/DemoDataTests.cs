using RiskMap.Server.Demo;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Demo;

public sealed class DemoDataTests
{
    [Fact]
    public async Task DemoLoad_OfOneCounty_GivesEveryUnitItsFiguresAndEveryHouseholdALevel()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero)));
        var demo = services.Get<DemoData>();

        Assert.True(await demo.LoadIfEmptyAsync(new DemoOptions { Root = "513431", Scale = 0.05 }, CancellationToken.None));

        // 昭觉县 and its ancestors, with every township and village of the 2023 codes
        var expectedUnits = File.ReadLines(Path.Combine(RiskMap.Geodata.Divisions.SharedDataDirectory.Find(), "divisions", "sichuan_51.csv"))
            .Count(l => l.Split(',')[1].StartsWith("513431"));
        Assert.Equal(expectedUnits + 2, await db.ScalarAsync<long>("SELECT count(*) FROM admin_unit"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM household WHERE risk_level IS NULL OR reasons IS NULL"));
        Assert.Equal(0L, await db.ScalarAsync<long>("""
            SELECT count(*) FROM admin_unit u LEFT JOIN region_stats s ON s.subject_kind = 'unit' AND s.subject_id = u.code
            WHERE s.subject_id IS NULL OR s.median_stale
            """));
        Assert.Equal(await db.ScalarAsync<long>("SELECT count(*) FROM household"),
            await db.ScalarAsync<int>("SELECT households FROM region_stats WHERE subject_kind = 'unit' AND subject_id = 513431000000"));
        Assert.Equal(await db.ScalarAsync<long>("SELECT sum(households) FROM region_stats s JOIN admin_unit u ON u.code = s.subject_id AND s.subject_kind = 'unit' WHERE u.level = 5"),
            await db.ScalarAsync<int>("SELECT households FROM region_stats WHERE subject_kind = 'unit' AND subject_id = 510000000000"));

        Assert.False(await demo.LoadIfEmptyAsync(new DemoOptions { Root = "513431", Scale = 0.05 }, CancellationToken.None));
    }
}
