using RiskMap.Geodata.Domain;
using RiskMap.Server.Database;
using RiskMap.Server.Demo;
using RiskMap.Server.Households;
using RiskMap.Server.Statistics;
using RiskMap.Tests.Infrastructure;
using RiskMap.Tests.Statistics;

namespace RiskMap.Tests.Demo;

/// <summary>Incremental statistics against a full rebuild at the demo's own scale, not only on a handful of test units.</summary>
public sealed class DemoStatisticsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Incremental_statistics_over_the_whole_demo_dataset_after_a_random_stream_of_updates_equal_a_full_rebuild()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        // The demo as ./riskmap demo loads it: 凉山州, 17 counties, ~365,000 households, figures of every unit and site.
        Assert.True(await services.Get<DemoData>().LoadIfEmptyAsync(new DemoOptions(), CancellationToken.None));
        var random = new Random(20261123);
        var counties = await CountiesAsync(db);
        var households = new List<Household>();
        foreach (var county in counties.OrderBy(_ => random.Next()).Take(4)) households.AddRange(await HouseholdsAsync(db, county));

        // 40 writes of 1 to 3,000 households each: incomes, spending, risk types, monitoring, help, and now and then a move to another village of the county.
        for (var write = 0; write < 40; write++)
        {
            var batch = Enumerable.Range(0, random.Next(1, 3000)).Select(_ =>
            {
                var i = random.Next(households.Count);
                return households[i] = Mutate(random, households[i], households);
            }).ToArray();
            await services.WriteAsync(batch);
        }
        await services.Get<MedianRefresher>().RefreshStaleAsync(CancellationToken.None);
        var incremental = await StatisticsTests.SnapshotAsync(db);

        var changedByRebuild = await services.Get<StatisticsRebuild>().RunAsync(CancellationToken.None);

        Assert.Equal(0, changedByRebuild);
        Assert.Equal(incremental, await StatisticsTests.SnapshotAsync(db));
        Assert.True(incremental.Count > 3000, $"every unit and site of the demo has figures ({incremental.Count})");
    }

    private static async Task<List<long>> CountiesAsync(TestDatabase db)
    {
        var counties = new List<long>();
        await using var cmd = db.DataSource.CreateCommand("SELECT DISTINCT county_code FROM household ORDER BY 1");
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) counties.Add(r.GetInt64(0));
        return counties;
    }

    private static async Task<List<Household>> HouseholdsAsync(TestDatabase db, long county)
    {
        var list = new List<Household>();
        await using var cmd = db.DataSource.CreateCommand(SqlFile.Load("Households.read_households"));
        cmd.Parameters.Add(new() { Value = county });
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add(HouseholdRows.Read(r));
        return list;
    }

    /// <summary>A plausible next state of a demo household; a move takes another household's village and place in the same county.</summary>
    private static Household Mutate(Random random, Household h, List<Household> all)
    {
        var next = h with
        {
            IncomeLastYear = h.IncomePerCapita,
            IncomePerCapita = Math.Max(0, h.IncomePerCapita + random.Next(-4000, 4000)),
            RigidExpenditure = random.Next(4) == 0 ? random.Next(0, 40000) : h.RigidExpenditure,
            RiskTypes = random.Next(3) == 0 ? [new[] { RiskType.Illness, RiskType.DisasterFlood, RiskType.Accident, RiskType.Education }[random.Next(4)]] : h.RiskTypes,
            Monitoring = random.Next(5) == 0 ? (MonitoringStatus)random.Next(3) : h.Monitoring,
            MonitoredSince = h.MonitoredSince ?? new DateOnly(2026, 3, 1),
            Assistance = random.Next(4) == 0 ? [.. h.Assistance, new AssistanceMeasure("industry", new DateOnly(2026, 11, random.Next(1, 20)))] : random.Next(8) == 0 ? [] : h.Assistance,
        };
        if (random.Next(20) != 0 || h.Relocated) return next;
        var other = all[random.Next(all.Count)];
        return other.VillageCode.County != h.VillageCode.County || other.Relocated ? next : next with { VillageCode = other.VillageCode, Lon = other.Lon, Lat = other.Lat };
    }
}
