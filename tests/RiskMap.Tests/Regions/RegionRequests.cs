using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RiskMap.Geodata.Domain;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Regions;

/// <summary>Request bodies and a small world for the region API tests (TestUnits' four 0.1° villages near 昭觉).</summary>
public static class RegionRequests
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    /// <summary>A GeoJSON Polygon box.</summary>
    public static string Box(double x0, double y0, double x1, double y1) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"type":"Polygon","coordinates":[[[{{x0}},{{y0}}],[{{x1}},{{y0}}],[{{x1}},{{y1}}],[{{x0}},{{y1}}],[{{x0}},{{y0}}]]]}""");

    /// <summary>Covers 南坪村 (A1) whole, the west edge of 城北村 (A2) and the south edges of 谷曲村 (B1) and 洒拉地坡村 (B2).</summary>
    public static string OverA1AndEdges => Box(102.59, 27.99, 102.73, 28.11);

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>
    /// 南坪村: two households below the dibao line (high warning) and one comfortable; 城北村: one
    /// household at its west edge (inside <see cref="OverA1AndEdges"/>) and one in its middle (outside).
    /// </summary>
    public static async Task WriteHouseholdsAsync(TestDatabase db)
    {
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        await services.WriteAsync(
            TestUnits.Household("A1-1", TestUnits.VillageA1, 3000),
            TestUnits.Household("A1-2", TestUnits.VillageA1, 3500, h => h with { RiskTypes = [RiskType.Illness] }),
            TestUnits.Household("A1-3", TestUnits.VillageA1, 40000),
            TestUnits.Household("A2-west", TestUnits.VillageA2, 20000, h => h with { Lon = 102.71 }),
            TestUnits.Household("A2-middle", TestUnits.VillageA2, 3000));
    }

    /// <summary>
    /// The server in memory on a new database holding TestUnits and, unless told otherwise, the
    /// households above; the client is a planner of the whole country.
    /// </summary>
    public static async Task<RegionApi> StartAsync(bool withHouseholds = true, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        if (withHouseholds) await WriteHouseholdsAsync(db);
        var factory = new RiskMapFactory(db.ConnectionString, settings);
        return new RegionApi(db, factory, await factory.CreateClientAsync(RiskMap.Server.Auth.Role.Planner));
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string path, string body)
    {
        var response = await client.PostAsync(path, Json(body));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {json}");
        return json;
    }
}

/// <summary>A test's database, the server on it and a client; disposed in reverse.</summary>
public sealed record RegionApi(TestDatabase Db, RiskMapFactory Factory, HttpClient Client) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Db.DisposeAsync();
    }
}
