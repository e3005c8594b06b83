using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Imports;

public sealed class ImportEndpointTests
{
    [Fact]
    public async Task PostHouseholds_Returns201WithTheSummaryAndRejects_AndTheRejectsCanBePaged()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);

        var response = await client.PostAsync("/api/imports/households?source=survey.csv", Csv(File.ReadAllText(ImportFiles.Kept("households_broken.csv"))));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 10, "survey.csv"), (summary.GetProperty("loaded").GetInt32(), summary.GetProperty("rejected").GetInt32(), summary.GetProperty("source").GetString()));
        var first = summary.GetProperty("rejects")[0];
        Assert.Equal((3, "income_per_capita"), (first.GetProperty("line").GetInt32(), first.GetProperty("field").GetString()));
        Assert.Equal($"/api/imports/{summary.GetProperty("importId").GetInt64()}", response.Headers.Location!.OriginalString);

        var page = await client.GetFromJsonAsync<JsonElement>($"{response.Headers.Location}/rejects?offset=8&limit=5");
        Assert.Equal([12, 13], page.EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task PostSameHouseholdsAgain_Returns200MarkedAsRepeat()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);
        var csv = File.ReadAllText(ImportFiles.Kept("households_zh_bom.csv"));
        await client.PostAsync("/api/imports/households", Csv(csv));

        var again = await client.PostAsync("/api/imports/households", Csv(csv));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("repeat").GetBoolean());
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM import_batch"));
    }

    [Fact]
    public async Task PostBoundaries_WithAnUnsupportedCrs_Is400ProblemNamingIt()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);
        var body = new StringContent(File.ReadAllText(ImportFiles.Kept("boundaries_epsg4547.geojson")), Encoding.UTF8, "application/geo+json");

        var response = await client.PostAsync("/api/imports/boundaries", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unusable file", problem.GetProperty("title").GetString());
        Assert.Contains("EPSG::4547", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PostBoundaries_ReturnsRepairsAndRejectsByFeatureIndex()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);
        var body = new StringContent(File.ReadAllText(ImportFiles.Kept("boundaries_broken.geojson")), Encoding.UTF8, "application/geo+json");

        var summary = await (await client.PostAsync("/api/imports/boundaries", body)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((2, 2, 6), (summary.GetProperty("loaded").GetInt32(), summary.GetProperty("repaired").GetInt32(), summary.GetProperty("rejected").GetInt32()));
        Assert.Equal([2, 3, 4, 5, 6, 9], summary.GetProperty("rejects").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));
        Assert.Contains(summary.GetProperty("repairs").EnumerateArray(), r => r.GetProperty("line").GetInt32() == 1 && r.GetProperty("note").GetString()!.Contains("Self-intersection"));
    }

    [Fact]
    public async Task WrongContentType_Is415_AndOversizedUpload_Is413()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await using var factory = new RiskMapFactory(db.ConnectionString, new Dictionary<string, string?> { ["Imports:MaxUploadBytes"] = "64" });
        using var client = await factory.CreateClientAsync(Role.Administrator);

        var json = await client.PostAsync("/api/imports/households", new StringContent("{}", Encoding.UTF8, "application/json"));
        var big = await client.PostAsync("/api/imports/households", Csv("household_id,village_code,lon,lat,members,labour,income_per_capita\n" + new string('x', 100)));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal("Upload too large", (await big.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task UnknownImport_Is404_AndABadPage_Is400()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/imports/999/rejects")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/imports/1/rejects?limit=0")).StatusCode);
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");
}
