using System.Text;
using RiskMap.Server.Imports;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Imports;

public sealed class HouseholdImportCrashTests
{
    [Fact]
    public async Task ImportCancelledAfterSomeBatches_LeavesTheOldDataAndNothingOfTheNew()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await ImportServices.CreateAsync(db, batchSize: 5);
        await services.ImportHouseholdsAsync(Register("old.csv", income: 9000));
        var before = await HouseholdImportTests.Snapshot(db);
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            services.ImportHouseholdsAsync(Register("new.csv", income: 3000), new AfterBatch(2, cts.Cancel), cts.Token));

        Assert.Equal(before, await HouseholdImportTests.Snapshot(db));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM household WHERE income_per_capita <> 9000"));
    }

    [Fact]
    public async Task ConnectionKilledMidImport_LeavesTheOldDataAndNothingOfTheNew()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await ImportServices.CreateAsync(db, batchSize: 5);
        await services.ImportHouseholdsAsync(Register("old.csv", income: 9000));
        var before = await HouseholdImportTests.Snapshot(db);
        // The importer's backend dies as a crashed server's would: the database rolls its transaction back.
        await using var killer = await db.DataSource.OpenConnectionAsync();
        var kill = new AfterBatch(2, () =>
        {
            using var cmd = killer.CreateCommand();
            cmd.CommandText = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()";
            cmd.ExecuteNonQuery();
        });

        await Assert.ThrowsAnyAsync<Exception>(() => services.ImportHouseholdsAsync(Register("new.csv", income: 3000), kill));

        db.DataSource.Clear();
        Assert.Equal(before, await HouseholdImportTests.Snapshot(db));
    }

    /// <summary>30 households spread over the test villages, all with the same income.</summary>
    private static string Register(string name, int income)
    {
        var csv = new StringBuilder("household_id,village_code,lon,lat,members,labour,income_per_capita\n");
        for (var i = 0; i < 30; i++)
        {
            var village = TestUnits.Villages[i % 4];
            var (lon, lat) = TestUnits.Corner(village);
            csv.Append($"C{i:D3},{village},{lon + 0.05},{lat + 0.05},4,2,{income}\n");
        }
        return ImportFiles.Write(name, csv.ToString());
    }

    /// <summary>Runs an action, synchronously, once the importer has written <paramref name="batches"/> batches.</summary>
    private sealed class AfterBatch(int batches, Action action) : IProgress<ImportProgress>
    {
        private int _seen;

        public void Report(ImportProgress value)
        {
            if (++_seen == batches) action();
        }
    }
}
