using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Households;

public sealed class HouseholdEndpointTests
{
    [Fact]
    public async Task GetHousehold_ReturnsItsLevelScoreAndReasonsInBothLanguages()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using (var services = await TestServices.CreateAsync(db, new ManualTimeProvider(DateTimeOffset.UtcNow)))
            await services.WriteAsync(TestUnits.Household("513431100001-0042", TestUnits.VillageA1, 3000, h => h with { RiskTypes = ["illness"] }));
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);

        var household = await client.GetFromJsonAsync<JsonElement>("/api/households/513431100001-0042");

        Assert.Equal(3, household.GetProperty("level").GetInt32());
        Assert.Equal("v1", household.GetProperty("modelVersion").GetString());
        var reasons = household.GetProperty("reasons").EnumerateArray().ToList();
        Assert.Contains(reasons, r => r.GetProperty("zh").GetString()!.Contains("为监测线的0.37倍"));
        Assert.Contains(reasons, r => r.GetProperty("zh").GetString() == "因病" && r.GetProperty("en").GetString() == "illness");
    }

    [Fact]
    public async Task UnknownHousehold_Is404Problem()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);

        var response = await client.GetAsync("/api/households/nobody");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Unknown household", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}
