using RiskMap.Server.Database;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Database;

public sealed class MigrationRunnerTests
{
    [Fact]
    public async Task FreshDatabase_AppliesEveryMigrationInOrder_AndRecordsEach()
    {
        await using var db = await TestPostgis.CreateEmptyDatabaseAsync();
        var log = new ListLogger<MigrationRunner>();
        var embedded = Migration.Embedded();

        var level = await new MigrationRunner(db.DataSource, log).ApplyAsync(CancellationToken.None);

        Assert.Equal(embedded[^1].Version, level);
        Assert.Equal(embedded.Select(m => $"Applied migration {m.FileName}"), log.Lines);
        Assert.Equal(embedded.Count, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migration"));
        Assert.Equal("household", await db.ScalarAsync<string>("SELECT to_regclass('household')::text"));
        Assert.NotNull(await db.ScalarAsync<string>("SELECT postgis_lib_version()"));
    }

    [Fact]
    public async Task SecondRun_AppliesNothing()
    {
        await using var db = await TestPostgis.CreateEmptyDatabaseAsync();
        await new MigrationRunner(db.DataSource, new ListLogger<MigrationRunner>()).ApplyAsync(CancellationToken.None);
        var firstAppliedAt = await db.ScalarAsync<DateTime>("SELECT max(applied_at) FROM schema_migration");
        var log = new ListLogger<MigrationRunner>();

        var level = await new MigrationRunner(db.DataSource, log).ApplyAsync(CancellationToken.None);

        Assert.Equal(Migration.Embedded()[^1].Version, level);
        Assert.Empty(log.Lines);
        Assert.Equal(firstAppliedAt, await db.ScalarAsync<DateTime>("SELECT max(applied_at) FROM schema_migration"));
    }

    [Fact]
    public async Task FailingMigration_StopsWithItsFileAndTheDatabaseError_AndLeavesNoTrace()
    {
        await using var db = await TestPostgis.CreateEmptyDatabaseAsync();
        var migrations = Migration.Embedded().Append(new Migration(9001, "broken_example", """
            CREATE TABLE half_done (id int);
            SELECT no_such_column FROM half_done;
            """)).ToList();
        var runner = new MigrationRunner(db.DataSource, new ListLogger<MigrationRunner>());

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => runner.ApplyAsync(migrations, CancellationToken.None));

        Assert.Contains("9001_broken_example.sql", error.Message);
        Assert.Contains("no_such_column", error.Message);
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('half_done')::text"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migration WHERE version = 9001"));
        // The migrations before it stay applied: a fixed file resumes from there.
        Assert.Equal(Migration.Embedded().Count, (int)await db.ScalarAsync<long>("SELECT count(*) FROM schema_migration"));
    }

    [Fact]
    public void EmbeddedMigrations_AreNumberedWithoutGapsFromOne()
    {
        var versions = Migration.Embedded().Select(m => m.Version).ToList();

        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
    }
}
