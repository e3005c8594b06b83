using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskMap.Server.Regions;
using RiskMap.Tests.Infrastructure;
using static RiskMap.Tests.Regions.RegionRequests;

namespace RiskMap.Tests.Regions;

public sealed class WatchRegionTests
{
    private const string Rules = """[{"metric": "shareAtLeastTwo", "raiseThreshold": 0.4, "clearThreshold": 0.3, "minimumHouseholds": 3}, {"metric": "householdsAtThree", "raiseThreshold": 5, "clearThreshold": 2}]""";

    [Fact]
    public async Task SavedRegion_CanBeCreatedListedFetchedRenamedAndDeleted()
    {
        await using var api = await StartAsync();
        var (db, client) = (api.Db, api.Client);

        var created = await client.PostAsync("/api/regions", Json($$"""{"name": "南坪河谷", "geometry": {{OverA1AndEdges}}, "rules": {{Rules}}}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var region = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = region.GetProperty("regionId").GetInt64();
        Assert.Equal($"/api/regions/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(4, region.GetProperty("figures").GetProperty("households").GetInt32());
        Assert.Equal(1, region.GetProperty("version").GetInt64());
        Assert.Equal(["shareAtLeastTwo", "householdsAtThree"], region.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("metric").GetString()));
        Assert.Equal(10, region.GetProperty("rules")[1].GetProperty("minimumHouseholds").GetInt32()); // Risk:Regions:MinimumHouseholds by default

        var list = await client.GetFromJsonAsync<JsonElement[]>("/api/regions");
        Assert.Equal(["南坪河谷"], list!.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, list![0].GetProperty("geometry").ValueKind);
        var fetched = await client.GetFromJsonAsync<JsonElement>($"/api/regions/{id}");
        Assert.Equal("MultiPolygon", fetched.GetProperty("geometry").GetProperty("type").GetString());
        var live = await client.GetFromJsonAsync<JsonElement>($"/api/regions/{id}/figures");
        Assert.Equal(4, live.GetProperty("figures").GetProperty("households").GetInt32());
        var visits = await client.GetFromJsonAsync<JsonElement>($"/api/regions/{id}/households");
        Assert.Equal(2, visits.GetProperty("total").GetInt32());

        var renamed = await client.PatchAsync($"/api/regions/{id}", Json("""{"name": "南坪河谷(汛期)"}"""));
        Assert.Equal("南坪河谷(汛期)", (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/regions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/regions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/regions/{id}")).StatusCode);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM region_stats WHERE subject_kind = 'region'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM watch_region_rule"));
    }

    [Fact]
    public async Task SavedRegion_KeepsItsFiguresInRegionStatsAsARegionSubject()
    {
        await using var api = await StartAsync();
        var (db, client) = (api.Db, api.Client);

        var region = await PostAsync(client, "/api/regions", $$"""{"name": "新城镇", "unitCode": "513431100"}""");

        var id = region.GetProperty("regionId").GetInt64();
        Assert.Equal("5|3", await db.ScalarAsync<string>("SELECT households || '|' || (level2 + level3) FROM region_stats WHERE subject_kind = 'region' AND subject_id = $1", id));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM region_stats_history WHERE subject_kind = 'region' AND subject_id = $1", id));
    }

    [Fact]
    public async Task A_household_write_refreshes_the_saved_regions_over_its_village_and_only_those()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await WriteHouseholdsAsync(db);
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        var regions = services.Get<WatchRegions>();
        var valley = await CreateAsync(regions, "河谷", OverA1AndEdges, [new WatchRule(null, WatchMetric.ShareAtLeastTwo, 0.4, 0.3, 3)]);
        var north = await CreateAsync(regions, "北", Box(102.61, 28.15, 102.79, 28.19), []);

        // The writer refreshes the saved regions in its own transaction (the live pipeline).
        await services.WriteAsync(TestUnits.Household("A1-3", TestUnits.VillageA1, 2500));

        Assert.Equal("3|2|3000", await db.ScalarAsync<string>(
            "SELECT (level2 + level3) || '|' || version || '|' || income_median FROM region_stats WHERE subject_kind = 'region' AND subject_id = $1", valley)); // incomes 2500, 3000, 3500, 20000: the 2nd
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT version FROM region_stats WHERE subject_kind = 'region' AND subject_id = $1", north));
        // Nothing is left for an explicit refresh to do.
        await using var conn = await db.DataSource.OpenConnectionAsync();
        Assert.Empty(await services.Get<WatchRegionFigures>().RefreshTouchedAsync(conn, null, [TestUnits.VillageA1], CancellationToken.None));
    }

    [Fact]
    public async Task RefreshTouched_FindsARegionHoldingAHouseholdThatLivesOutsideItsVillage()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        // relocated from 洒拉地坡村 (B2) to a site in 南坪村 (A1): its point lies in A1
        var relocated = TestUnits.Household("B2-moved", TestUnits.VillageB2, 20000, h => h with { Lon = 102.65, Lat = 28.05 });
        await services.WriteAsync(relocated);
        var regions = services.Get<WatchRegions>();
        var site = await CreateAsync(regions, "安置点周边", Box(102.62, 28.02, 102.68, 28.08), []);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM household_outside_village WHERE household_id = 'B2-moved'"));

        await services.WriteAsync(relocated with { IncomePerCapita = 2000 });

        Assert.Equal("1|2000", await db.ScalarAsync<string>(
            "SELECT households || '|' || income_median FROM region_stats WHERE subject_kind = 'region' AND subject_id = $1", site));
    }

    [Fact]
    public async Task RefreshAll_BringsEverySavedRegionUpToDate_AfterWritesThatDidNotRefreshIt()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await WriteHouseholdsAsync(db);
        await using var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now));
        var valley = await CreateAsync(services.Get<WatchRegions>(), "河谷", OverA1AndEdges, []);
        await services.WriteAsync(TestUnits.Household("A1-new", TestUnits.VillageA1, 2000));
        // Stale, as after a bulk load (COPY and a statistics rebuild bypass the writer).
        await db.ExecuteAsync("UPDATE region_stats SET households = 0, version = version + 1 WHERE subject_kind = 'region' AND subject_id = $1", valley);

        var changes = await services.Get<WatchRegionFigures>().RefreshAllAsync(db.DataSource, CancellationToken.None);

        Assert.Equal(5, Assert.Single(changes, c => c.RegionId == valley).Figures.Households);
        Assert.Empty(await services.Get<WatchRegionFigures>().RefreshAllAsync(db.DataSource, CancellationToken.None));
    }

    private static async Task<long> CreateAsync(WatchRegions regions, string name, string geoJson, IReadOnlyList<WatchRule> rules)
    {
        using var doc = JsonDocument.Parse(geoJson);
        var (region, _) = await regions.CreateAsync(name, RegionInput.Drawn(doc.RootElement, new RegionOptions()), rules, "test", RiskMap.Server.Auth.AreaScope.Everywhere, CancellationToken.None);
        return region.RegionId;
    }
}
