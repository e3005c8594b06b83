using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Statistics;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Statistics;

public sealed class StatisticsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task HouseholdChange_UpdatesOnlyItsVillageAndAncestors_AndReportsThem()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        await services.WriteAsync(
            TestUnits.Household("A1-1", TestUnits.VillageA1, 20000),
            TestUnits.Household("B2-1", TestUnits.VillageB2, 20000));

        var result = await services.WriteAsync(TestUnits.Household("A1-1", TestUnits.VillageA1, 3000));

        Assert.Equal(
            [TestUnits.Province, TestUnits.Prefecture, TestUnits.County, TestUnits.TownshipA, TestUnits.VillageA1],
            result.Changed.Where(c => c.Figures.Kind == SubjectKind.Unit).Select(c => c.Figures.SubjectId).Order());
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT level3 + level2 FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1", TestUnits.VillageA1));
        Assert.Equal(0, await db.ScalarAsync<int>("SELECT level3 + level2 FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1", TestUnits.VillageB2));
    }

    [Fact]
    public async Task BatchWithAnUnchangedHouseholdInAnotherVillage_UpdatesTheChangedVillageOnly()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        var unchanged = TestUnits.Household("B2-1", TestUnits.VillageB2, 20000);
        await services.WriteAsync(TestUnits.Household("A1-1", TestUnits.VillageA1, 20000), unchanged);

        // Found by bench/soak: a batch mixing a change with a household sent again as it is answered 500.
        var result = await services.WriteAsync(TestUnits.Household("A1-1", TestUnits.VillageA1, 3000), unchanged);

        Assert.Contains(result.Changed, c => c.Figures.SubjectId == TestUnits.VillageA1);
        Assert.DoesNotContain(result.Changed, c => c.Figures.SubjectId == TestUnits.VillageB2);
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT households FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1", TestUnits.VillageB2));
    }

    [Fact]
    public async Task VillageWithMoreThanHalfAtLevelTwoOrAbove_TurnsRedAsScaleReturn()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        var households = Enumerable.Range(0, 12).Select(i => TestUnits.Household($"A2-{i}", TestUnits.VillageA2, 30000)).ToArray();
        await services.WriteAsync(households);

        // six of twelve below the line: exactly one half is not "more than one half"
        var half = await services.WriteAsync(households.Take(6).Select(h => h with { IncomePerCapita = 4000 }).ToArray());
        var village = half.Changed.Single(c => c.Figures.SubjectId == TestUnits.VillageA2).Figures;
        Assert.Equal(6, village.Level2 + village.Level3);
        Assert.False(village.ScaleReturn);

        var seventh = await services.WriteAsync(households[6] with { IncomePerCapita = 4000 });
        var red = seventh.Changed.Single(c => c.Figures.SubjectId == TestUnits.VillageA2);
        Assert.True(red.Figures.ScaleReturn);
        Assert.Equal("red", red.Figures.Zone);
        Assert.True(red.ZoneChanged);
    }

    [Fact]
    public async Task Rebuild_AfterWrites_EqualsPlainSqlCountsOverHouseholds()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        await services.WriteAsync(RandomHouseholds(new Random(7), 300).ToArray());

        await services.Get<StatisticsRebuild>().RunAsync(CancellationToken.None);

        await AssertFiguresEqualPlainCountsAsync(db, withMedians: true);
        Assert.Equal(await db.ScalarAsync<long>("SELECT count(*) FROM household WHERE site_id = 9001"),
            await db.ScalarAsync<int>("SELECT households FROM region_stats WHERE subject_kind = 'site' AND subject_id = 9001"));
    }

    [Fact]
    public async Task IncrementalStatistics_AfterARandomStreamOfUpdates_EqualAFullRebuild()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        var random = new Random(42);
        var households = RandomHouseholds(random, 400).ToList();
        await services.WriteAsync(households.ToArray());
        await services.Get<StatisticsRebuild>().RunAsync(CancellationToken.None);

        for (var batch = 0; batch < 40; batch++)
        {
            var changes = Enumerable.Range(0, random.Next(1, 25)).Select(_ =>
            {
                var i = random.Next(households.Count);
                return households[i] = Mutate(random, households[i]);
            }).ToArray();
            await services.WriteAsync(changes);
        }
        await services.Get<MedianRefresher>().RefreshStaleAsync(CancellationToken.None);
        var incremental = await SnapshotAsync(db);

        var changedByRebuild = await services.Get<StatisticsRebuild>().RunAsync(CancellationToken.None);

        Assert.Equal(incremental, await SnapshotAsync(db));
        Assert.Equal(0, changedByRebuild);
    }

    [Fact]
    public async Task AHouseholdWrite_GoesThroughWhileMediansAreComputed_AndTheNextPassTakesItsIncomeIn()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        var refresher = services.Get<MedianRefresher>();
        await VillageOfThreeAsync(services);
        await services.WriteAsync(TestUnits.Household("A1-2", TestUnits.VillageA1, 25000));

        // While the refresher has computed the medians but not stored them, a data officer's write comes in:
        // it must not wait on the refresher (every batch of a busy prefecture would stall behind its sorts).
        await refresher.RefreshStaleAsync(
            () => services.WriteAsync(TestUnits.Household("A1-1", TestUnits.VillageA1, 35000)).WaitAsync(TimeSpan.FromSeconds(30)),
            CancellationToken.None);

        // The medians stored are those computed before the write, and the write's mark stays.
        const string Village = "SELECT income_median || (CASE WHEN median_stale THEN ' stale' ELSE '' END) FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1";
        Assert.Equal("25000 stale", await db.ScalarAsync<string>(Village, TestUnits.VillageA1));
        await refresher.RefreshStaleAsync(CancellationToken.None);
        Assert.Equal("30000", await db.ScalarAsync<string>(Village, TestUnits.VillageA1));
        Assert.Equal(30000, await db.ScalarAsync<int>("SELECT income_median FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1", TestUnits.Province));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM region_stats WHERE median_stale"));
    }

    [Fact]
    public async Task IncomeMedian_IsMarkedStaleByAChange_AndRecomputedByTheRefresher()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        await VillageOfThreeAsync(services);
        Assert.Equal(20000, await db.ScalarAsync<int>("SELECT income_median FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1", TestUnits.VillageA1));

        await services.WriteAsync(TestUnits.Household("A1-2", TestUnits.VillageA1, 25000));
        Assert.True(await db.ScalarAsync<bool>("SELECT median_stale FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1", TestUnits.VillageA1));
        var changes = await services.Get<MedianRefresher>().RefreshStaleAsync(CancellationToken.None);

        Assert.Contains(changes, c => c.SubjectId == TestUnits.VillageA1 && c.IncomeMedian == 25000);
        Assert.Contains(changes, c => c.SubjectId == TestUnits.Province && c.IncomeMedian == 25000);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM region_stats WHERE median_stale"));
    }

    /// <summary>Village A1 of three households, incomes 10,000 / 20,000 / 30,000, medians fresh.</summary>
    private static async Task VillageOfThreeAsync(TestServices services)
    {
        await services.WriteAsync(
            TestUnits.Household("A1-1", TestUnits.VillageA1, 10000),
            TestUnits.Household("A1-2", TestUnits.VillageA1, 20000),
            TestUnits.Household("A1-3", TestUnits.VillageA1, 30000));
        await services.Get<MedianRefresher>().RefreshStaleAsync(CancellationToken.None);
    }

    [Fact]
    public void RebuildSql_CountsRiskTypesInTheOrderOfRiskTypeKeys()
    {
        var sql = RiskMap.Server.Database.SqlFile.Load("Statistics.rebuild_unit_figures");
        var inSql = System.Text.RegularExpressions.Regex.Matches(sql, @"risk_types @> '\{(\w+)\}'").Select(m => m.Groups[1].Value);

        Assert.Equal(RiskType.Keys, inSql);
    }

    private static IEnumerable<Household> RandomHouseholds(Random random, int count) =>
        Enumerable.Range(0, count).Select(i => Mutate(random, TestUnits.Household($"H{i:D4}", TestUnits.Villages[random.Next(4)], 10000)));

    /// <summary>A random but plausible new state: income, village, risk types, monitoring, assistance, relocation.</summary>
    private static Household Mutate(Random random, Household h)
    {
        var village = random.Next(5) == 0 ? TestUnits.Villages[random.Next(4)] : h.VillageCode.Value;
        var monitored = random.Next(3) == 0;
        var relocated = random.Next(6) == 0;
        return TestUnits.Household(h.HouseholdId, village, random.Next(2500, 30000), x => x with
        {
            IncomeLastYear = random.Next(2500, 30000),
            RigidExpenditure = random.Next(4) == 0 ? random.Next(0, 60000) : 0,
            FormerlyPoor = random.Next(3) == 0,
            Dibao = random.Next(10) == 0,
            Tekun = random.Next(15) == 0,
            HousingUnsafe = random.Next(30) == 0,
            RiskTypes = RiskType.Keys.Where(_ => random.Next(8) == 0).Take(RiskType.MaxPerHousehold).ToArray(),
            Monitoring = monitored ? MonitoringStatus.Monitored : MonitoringStatus.NotMonitored,
            MonitoredSince = monitored ? new DateOnly(2026, 1 + random.Next(11), 1) : null,
            Assistance = random.Next(2) == 0 ? [new AssistanceMeasure(AssistanceKind.Employment, new DateOnly(2026, 1 + random.Next(11), 5))] : [],
            Relocated = relocated,
            SiteId = relocated ? 9001 : null,
        });
    }

    /// <summary>Every test unit's stored figures equal a plain SQL count over its households (and its income median, when refreshed).</summary>
    internal static async Task AssertFiguresEqualPlainCountsAsync(TestDatabase db, bool withMedians)
    {
        foreach (var (code, span) in new[] { (TestUnits.VillageA1, 1L), (TestUnits.VillageB2, 1L), (TestUnits.TownshipB, 1000L), (TestUnits.County, 1_000_000L), (TestUnits.Province, 10_000_000_000L) })
        {
            var expected = await db.ScalarAsync<string>("""
                SELECT concat_ws(',', count(*), count(*) FILTER (WHERE monitoring_status = 1), count(*) FILTER (WHERE risk_level = 1),
                       count(*) FILTER (WHERE risk_level = 2), count(*) FILTER (WHERE risk_level = 3),
                       count(*) FILTER (WHERE gap_unassisted), count(*) FILTER (WHERE 'illness' = ANY(risk_types)),
                       CASE WHEN $3 THEN percentile_disc(0.5) WITHIN GROUP (ORDER BY income_per_capita) END)
                FROM household WHERE village_code >= $1 AND village_code < $1 + $2
                """, code, span, withMedians);
            var actual = await db.ScalarAsync<string>("""
                SELECT concat_ws(',', households, monitored, level1, level2, level3, gap_unassisted,
                       coalesce((risk_type_counts->>'illness')::int, 0), CASE WHEN $2 THEN income_median END)
                FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1
                """, code, withMedians);
            Assert.Equal(expected, actual);
        }
    }

    internal static async Task<List<string>> SnapshotAsync(TestDatabase db)
    {
        var rows = new List<string>();
        await using var cmd = db.DataSource.CreateCommand("""
            SELECT concat_ws('|', subject_kind, subject_id, households, monitored, level1, level2, level3, category_unstable,
                   category_marginal, category_sudden, risk_type_counts::text, assisted, gap_should_monitor, gap_unassisted,
                   gap_should_exit, income_median, zone, scale_return)
            FROM region_stats ORDER BY subject_kind, subject_id
            """);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) rows.Add(r.GetString(0));
        return rows;
    }
}
