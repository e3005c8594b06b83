using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Imports;

public sealed class ExportRoundTripTests
{
    private static readonly string[] Files = ["counties.geojson", "townships.geojson", "villages.geojson", "sites.geojson", "households.csv"];

    [Fact]
    public async Task ExportedFilesImportedIntoAFreshDatabase_ExportAgainByteForByte()
    {
        await using var source = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(source);
        var first = TestPostgis.ScratchDirectory("export-first");
        await using (var services = await ImportServices.CreateAsync(source))
        {
            await services.ImportBoundariesAsync(ImportFiles.Kept("boundaries_broken.geojson"));
            Assert.Equal(4, (await services.ImportHouseholdsAsync(Register())).Loaded);
            var summary = await services.ExportAsync(first);
            Assert.Equal([("counties.geojson", 1L), ("townships.geojson", 2L), ("villages.geojson", 4L), ("sites.geojson", 1L), ("households.csv", 4L)],
                summary.Files);
        }

        await using var copy = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(copy);
        var second = TestPostgis.ScratchDirectory("export-second");
        await using (var services = await ImportServices.CreateAsync(copy))
        {
            foreach (var file in Files[..3])
                Assert.Equal(0, (await services.ImportBoundariesAsync(Path.Combine(first, file))).Rejected);
            var households = await services.ImportHouseholdsAsync(Path.Combine(first, "households.csv"));
            Assert.Equal((4, 0), (households.Loaded, households.Rejected));
            Assert.Empty(households.IgnoredColumns);
            await services.ExportAsync(second);
        }

        foreach (var file in Files)
            Assert.True(File.ReadAllBytes(Path.Combine(first, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), $"{file} differs");
        // The imported outline came through, and units that were schematic stayed marked so.
        Assert.True(await copy.ScalarAsync<bool>("SELECT NOT schematic AND ST_NPoints(geom) = 6 FROM admin_unit WHERE code = $1", TestUnits.VillageA1));
        Assert.True(await copy.ScalarAsync<bool>("SELECT schematic FROM admin_unit WHERE code = $1", TestUnits.VillageB2));
    }

    [Fact]
    public async Task HouseholdsCsv_HasAHeaderAndEveryFieldWithTheComputedLevel()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        var dir = TestPostgis.ScratchDirectory("export");
        await using var services = await ImportServices.CreateAsync(db);
        await services.ImportHouseholdsAsync(Register());

        await services.ExportAsync(dir);

        var lines = File.ReadAllLines(Path.Combine(dir, "households.csv"));
        Assert.Equal(
            "household_id,village_code,lon,lat,members,labour,income_per_capita,wage_income,business_income,property_income,transfer_income," +
            "income_last_year,rigid_expenditure,formerly_poor,dibao,tekun,relocated,site_id,housing_unsafe,child_out_of_school," +
            "no_medical_insurance,water_unsafe,risk_types,monitoring,monitored_since,risk_eliminated_on,elimination_method,assistance," +
            "last_visit_on,risk_level,risk_score,category,model_version", lines[0]);
        var r2 = lines.Single(l => l.StartsWith("R2,"));
        Assert.StartsWith("R2,513431100001,102.65,28.05,4,2,3000,", r2);
        Assert.Contains(",illness;disability,monitored,2025-06-01,,,health:2025-06-10;insurance:2025-06-10,2025-11-01,3,", r2);
        Assert.Contains("\"帮扶措施落实，风险稳定消除, \"\"稳定\"\"\"", File.ReadAllText(Path.Combine(dir, "households.csv")));
        var villages = File.ReadAllText(Path.Combine(dir, "villages.geojson"));
        Assert.Contains("\"code\": \"513431100001\", \"name\": \"南坪村\", \"parent_code\": \"513431100000\"", villages);
    }

    /// <summary>Four households touching every kind of field: relocated to a site, measures, a quoted method with a comma.</summary>
    private static string Register() => ImportFiles.Write("register.csv", """"
        household_id,village_code,lon,lat,members,labour,income_per_capita,wage_income,income_last_year,rigid_expenditure,formerly_poor,dibao,relocated,site_id,water_unsafe,risk_types,monitoring,monitored_since,risk_eliminated_on,elimination_method,assistance,last_visit_on
        R1,513431100001,102.65,28.05,5,2,7100,5000,9800,12000,true,false,true,9001,false,illness,monitored,2025-09-01,,,,2025-10-01
        R2,513431100001,102.65,28.05,4,2,3000,,3100,0,false,true,false,,true,因病;因残,纳入监测,2025-06-01,,,health:2025-06-10;insurance:2025-06-10,2025-11-01
        R3,513431101002,102.7512345678901,28.1598765432109,2,0,15000,,,,false,false,false,,false,,risk_eliminated,2024-01-01,2025-03-01,"帮扶措施落实，风险稳定消除, ""稳定""",employment:2024-02-01,
        R4,513431100002,102.75,28.05,3,1,21000,,,,false,false,false,,false,,,,,,,
        """");
}
