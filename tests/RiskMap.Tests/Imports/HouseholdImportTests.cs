using RiskMap.Geodata.Importing;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Imports;

public sealed class HouseholdImportTests
{
    [Fact]
    public async Task BrokenFile_RejectsEachBadRowWithLineFieldAndReason_AndLoadsTheRest()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await ImportServices.CreateAsync(db);

        var summary = await services.ImportHouseholdsAsync(ImportFiles.Kept("households_broken.csv"));

        Assert.Equal((3, 0, 10), (summary.Loaded, summary.Repaired, summary.Rejected));
        var rejects = summary.ByLine();
        AssertReject(rejects, 3, "income_per_capita", "malformed number '12x00'");
        AssertReject(rejects, 4, "lon", "coordinates out of range");
        AssertReject(rejects, 5, "village_code", "unknown village code 513431199999");
        AssertReject(rejects, 6, "household_id", "duplicate household id 'H001' (first on line 2)");
        AssertReject(rejects, 7, "members", "0 is outside 1 to 30");
        AssertReject(rejects, 8, "risk_types", "unknown risk type '因灾'");
        AssertReject(rejects, 9, "income_per_capita", "malformed number '7,500'");
        AssertReject(rejects, 11, "site_id", "unknown resettlement site 4242");
        AssertReject(rejects, 12, null, "3 fields where the header has 13");
        AssertReject(rejects, 13, "monitored_since", "required for a monitored household");
        Assert.Equal("H002,513431100001,102.65,28.05,4,2,12x00,,,,,,", rejects[3].Single().Raw);
        Assert.Equal(10, await db.ScalarAsync<long>("SELECT count(*) FROM import_reject WHERE import_id = $1", summary.ImportId));

        Assert.Equal(["H001", "H008", "H012"], await Ids(db));
        Assert.Equal("{illness,disability}", await db.ScalarAsync<string>("SELECT risk_types::text FROM household WHERE household_id = 'H008'"));
        Assert.Equal(9001L, await db.ScalarAsync<long>("SELECT site_id FROM household WHERE household_id = 'H008'"));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM assistance_measure WHERE household_id = 'H012'"));
        // Loaded through HouseholdWriter: assessed and counted in the figures in the same transaction.
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM household WHERE risk_level IS NULL"));
        Assert.Equal(3, await db.ScalarAsync<int>("SELECT households FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1", TestUnits.County));
    }

    [Fact]
    public async Task ChineseHeadersLabelsAndByteOrderMark_LoadLikeEnglishKeys_AndUnknownColumnsAreReported()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await ImportServices.CreateAsync(db);

        var summary = await services.ImportHouseholdsAsync(ImportFiles.Kept("households_zh_bom.csv"));

        Assert.Equal((2, 0), (summary.Loaded, summary.Rejected));
        Assert.Equal(["户主姓名"], summary.IgnoredColumns);
        Assert.Equal("{illness,education}", await db.ScalarAsync<string>("SELECT risk_types::text FROM household WHERE household_id = 'Z001'"));
        Assert.Equal("education:2025-02-03,health:2025-01-02", await db.ScalarAsync<string>(
            "SELECT string_agg(kind || ':' || started_on, ',' ORDER BY kind) FROM assistance_measure WHERE household_id = 'Z001'"));
        Assert.True(await db.ScalarAsync<bool>("SELECT formerly_poor AND monitoring_status = 1 AND monitored_since = '2024-12-20' FROM household WHERE household_id = 'Z001'"));
        Assert.Equal((short)0, await db.ScalarAsync<short>("SELECT monitoring_status FROM household WHERE household_id = 'Z002'"));
    }

    [Fact]
    public async Task GbkFile_IsRefusedAsAWholeWithAClearReason_AndNothingIsWritten()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await ImportServices.CreateAsync(db);

        var e = await Assert.ThrowsAsync<ImportFileException>(() => services.ImportHouseholdsAsync(ImportFiles.Kept("households_gbk.csv")));

        Assert.Contains("not UTF-8", e.Message);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM import_batch"));
    }

    [Fact]
    public async Task MissingRequiredColumns_AreNamedAndNothingIsWritten()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await ImportServices.CreateAsync(db);
        var path = ImportFiles.Write("no_coordinates.csv", "household_id,village_code,members,labour,income_per_capita\nH1,513431100001,3,1,9000\n");

        var e = await Assert.ThrowsAsync<ImportFileException>(() => services.ImportHouseholdsAsync(path));

        Assert.Equal("required columns missing from the header: lon (经度), lat (纬度)", e.Message);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM household"));
    }

    [Fact]
    public async Task SameFileAgain_ReturnsTheEarlierSummary_AndChangesNothing()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await ImportServices.CreateAsync(db);
        var first = await services.ImportHouseholdsAsync(ImportFiles.Kept("households_broken.csv"));
        var before = await Snapshot(db);

        var again = await services.ImportHouseholdsAsync(ImportFiles.Kept("households_broken.csv"));

        Assert.True(again.Repeat);
        Assert.False(first.Repeat);
        Assert.Equal((first.ImportId, first.Loaded, first.Rejected, first.RejectCount), (again.ImportId, again.Loaded, again.Rejected, again.RejectCount));
        Assert.Equal(before, await Snapshot(db));
    }

    [Fact]
    public async Task FiguresAfterAnImport_EqualAPlainCountOverTheImportedHouseholds()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await ImportServices.CreateAsync(db, batchSize: 7);
        // 80 households over the four test villages: incomes around the line, illness and flood, some monitored
        var csv = new System.Text.StringBuilder("户编号,村代码,经度,纬度,家庭人口,劳动力,人均纯收入,风险类型,监测状态,纳入监测日期\n");
        var random = new Random(11);
        for (var i = 0; i < 80; i++)
        {
            var village = TestUnits.Villages[i % 4];
            var (lon, lat) = TestUnits.Corner(village);
            var monitored = random.Next(3) == 0;
            csv.Append($"I{i:D3},{village},{lon + 0.05},{lat + 0.05},4,2,{random.Next(3000, 20000)},{(random.Next(4) == 0 ? "因病" : random.Next(5) == 0 ? "disaster_flood" : "")},{(monitored ? "纳入监测" : "")},{(monitored ? "2026-03-01" : "")}\n");
        }

        var summary = await services.ImportHouseholdsAsync(ImportFiles.Write("eighty.csv", csv.ToString()));

        Assert.Equal((80, 0), (summary.Loaded, summary.Rejected));
        await RiskMap.Tests.Statistics.StatisticsTests.AssertFiguresEqualPlainCountsAsync(db, withMedians: false);
    }

    private static void AssertReject(ILookup<int, Server.Imports.ImportRejectDto> rejects, int line, string? field, string reason)
    {
        var r = Assert.Single(rejects[line]);
        Assert.Equal(field, r.Field);
        Assert.Contains(reason, r.Reason);
    }

    private static async Task<List<string>> Ids(TestDatabase db)
    {
        var ids = new List<string>();
        await using var cmd = db.DataSource.CreateCommand("SELECT household_id FROM household ORDER BY household_id");
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) ids.Add(r.GetString(0));
        return ids;
    }

    /// <summary>Everything an import writes, as one comparable text.</summary>
    internal static Task<string?> Snapshot(TestDatabase db) => db.ScalarAsync<string>("""
        SELECT concat_ws(E'\n',
          (SELECT string_agg(h::text, E'\n' ORDER BY household_id) FROM household h),
          (SELECT string_agg(m::text, E'\n' ORDER BY household_id, kind, started_on) FROM assistance_measure m),
          (SELECT string_agg(s::text, E'\n' ORDER BY subject_kind, subject_id) FROM region_stats s),
          (SELECT string_agg(s::text, E'\n' ORDER BY subject_kind, subject_id, valid_from) FROM region_stats_history s),
          (SELECT string_agg(b::text, E'\n' ORDER BY import_id) FROM import_batch b),
          (SELECT count(*)::text FROM import_reject),
          (SELECT string_agg(u::text, E'\n' ORDER BY code) FROM admin_unit u))
        """);
}

public sealed class HouseholdImportCountyTests
{
    [Fact]
    public async Task HouseholdRegisteredInAnotherCounty_IsRejectedRatherThanDuplicated()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await db.ExecuteAsync("""
            INSERT INTO admin_unit (code, level, name, parent_code, province_code, prefecture_code, county_code, township_code)
            VALUES (513432000000, 3, '喜德县', 513400000000, 510000000000, 513400000000, 513432000000, NULL),
                   (513432100000, 4, '光明镇', 513432000000, 510000000000, 513400000000, 513432000000, 513432100000),
                   (513432100001, 5, '光明村', 513432100000, 510000000000, 513400000000, 513432000000, 513432100000)
            """);
        await using var services = await ImportServices.CreateAsync(db);
        await services.ImportHouseholdsAsync(ImportFiles.Write("first.csv",
            "household_id,village_code,lon,lat,members,labour,income_per_capita\nH1,513431100001,102.65,28.05,3,1,9000\n"));

        var moved = await services.ImportHouseholdsAsync(ImportFiles.Write("moved.csv",
            "household_id,village_code,lon,lat,members,labour,income_per_capita\nH1,513432100001,102.45,28.35,3,1,9000\nH2,513432100001,102.45,28.35,2,1,8000\n"));

        Assert.Equal((1, 1), (moved.Loaded, moved.Rejected));
        var reject = Assert.Single(moved.Rejects);
        Assert.Equal((2, "village_code"), (reject.Line, reject.Field));
        Assert.Contains("registered in county 513431000000", reject.Reason);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM household WHERE household_id = 'H1'"));
    }
}
