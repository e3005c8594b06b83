using Npgsql;
using RiskMap.Server.Households;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Imports;

public sealed class HouseholdWriterBatchTests
{
    [Fact]
    public async Task SecondBatchInOneTransaction_WritesOnlyItsOwnHouseholds()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        var clock = new ManualTimeProvider(ImportServices.Now);
        await using var services = await TestServices.CreateAsync(db, clock);
        var writer = services.Get<HouseholdWriter>();

        await using (var conn = await db.DataSource.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await writer.UpsertAsync(conn, tx, [TestUnits.Household("B1", TestUnits.VillageA1, 9000, h => h with { Assistance = [new("health", new(2025, 1, 1))] })], default);
            clock.Advance(TimeSpan.FromHours(1));
            await writer.UpsertAsync(conn, tx, [TestUnits.Household("B2", TestUnits.VillageA2, 9000)], default);
            await tx.CommitAsync();
        }

        // Re-staging the first batch would have stamped B1 with the second batch's time.
        Assert.Equal(ImportServices.Now.UtcDateTime, await db.ScalarAsync<DateTime>("SELECT updated_at FROM household WHERE household_id = 'B1'"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM assistance_measure WHERE household_id = 'B1'"));
    }
}
