using RiskMap.Geodata.Domain;
using RiskMap.Tests.Infrastructure;
using RiskMap.Tests.Live;

namespace RiskMap.Tests.Households;

public sealed class HouseholdWriterTests
{
    private static readonly DateOnly Spring = new(2026, 3, 1);

    [Fact]
    public async Task ARewrittenHousehold_HasExactlyTheAssistanceOfItsLastWrite()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, TimeProvider.System);
        var household = TestUnits.Household("A1", TestUnits.VillageA1, LiveTestData.Poor);
        var neighbour = TestUnits.Household("A2", TestUnits.VillageA1, LiveTestData.Poor) with
        {
            Assistance = [new(AssistanceKind.Industry, Spring)],
        };

        await services.WriteAsync(household with { Assistance = [new(AssistanceKind.Industry, Spring), new(AssistanceKind.Employment, Spring)] }, neighbour);
        Assert.Equal(["employment 2026-03-01", "industry 2026-03-01"], await MeasuresAsync(db, "A1"));

        // One kept, one dropped, one new, one restarted.
        await services.WriteAsync(household with
        {
            Assistance = [new(AssistanceKind.Employment, Spring), new(AssistanceKind.Education, Spring), new(AssistanceKind.Employment, Spring.AddMonths(6))],
        });
        Assert.Equal(["education 2026-03-01", "employment 2026-03-01", "employment 2026-09-01"], await MeasuresAsync(db, "A1"));

        // The same set again changes nothing; an empty set removes them all; the neighbour keeps its own throughout.
        await services.WriteAsync(household with
        {
            Assistance = [new(AssistanceKind.Employment, Spring.AddMonths(6)), new(AssistanceKind.Education, Spring), new(AssistanceKind.Employment, Spring)],
        });
        Assert.Equal(["education 2026-03-01", "employment 2026-03-01", "employment 2026-09-01"], await MeasuresAsync(db, "A1"));
        await services.WriteAsync(household with { Assistance = [] });
        Assert.Empty(await MeasuresAsync(db, "A1"));
        Assert.Equal(["industry 2026-03-01"], await MeasuresAsync(db, "A2"));
    }

    private static async Task<string[]> MeasuresAsync(TestDatabase db, string household) =>
        await db.ScalarAsync<string[]>(
            "SELECT coalesce(array_agg(kind || ' ' || started_on::text ORDER BY kind, started_on), '{}') FROM assistance_measure WHERE household_id = $1",
            household) ?? [];
}
