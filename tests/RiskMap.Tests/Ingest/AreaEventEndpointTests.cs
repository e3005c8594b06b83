using System.Net;
using RiskMap.Geodata.Domain;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Ingest;

public sealed class AreaEventEndpointTests
{
    // Village A1 is the square 102.6–102.7 E, 28.0–28.1 N; the flood covers most of it.
    private const string OverA1 = "[[[102.61, 28.01], [102.69, 28.01], [102.69, 28.09], [102.61, 28.09], [102.61, 28.01]]]";

    private static string Event(string id = "flood-1", string type = "\"flood\"", string severity = "3", string date = "\"2025-07-12\"",
        string geometry = $$"""{"type": "Polygon", "coordinates": {{OverA1}}}""") =>
        $$$"""{"type": "Feature", "geometry": {{{geometry}}}, "properties": {"id": "{{{id}}}", "type": {{{type}}}, "severity": {{{severity}}}, "date": {{{date}}}, "name": "暴雨洪涝"}}""";

    /// <summary>Nine households of village A1 a little above the monitoring line, three well off, one in village A2; spread over the village.</summary>
    private static Household[] Villagers() =>
    [
        .. Enumerable.Range(0, 12).Select(i => TestUnits.Household($"A1-{i:D2}", TestUnits.VillageA1, i < 9 ? 9600 : 40000,
            h => h with { Lon = 102.62 + 0.005 * i, Lat = 28.02 + 0.004 * i })),
        TestUnits.Household("A2-00", TestUnits.VillageA2, 9600),
    ];

    private static Task<double> ShareAtLeastTwoAsync(TestDatabase db, long village) =>
        db.ScalarAsync<double>("SELECT (level2 + level3)::float8 / households FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1", village);

    [Fact]
    public async Task A_severe_flood_over_a_village_marks_its_households_and_pushes_more_than_half_to_level_two_or_above()
    {
        await using var world = await IngestWorld.StartAsync(Villagers());
        var db = world.Db;
        Assert.Equal(0, await ShareAtLeastTwoAsync(db, TestUnits.VillageA1));

        var response = await world.Client.PostAsync("/api/events", Event(), key: null, "application/geo+json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.JsonAsync();
        Assert.Equal(("flood-1", "disaster_flood", 12, 1), (answer.GetProperty("eventId").GetString(), answer.GetProperty("riskType").GetString(),
            answer.GetProperty("householdsMarked").GetInt32(), answer.GetProperty("villagesTouched").GetInt32()));
        Assert.Equal(["513431100001"], answer.GetProperty("villageCodes").EnumerateArray().Select(v => v.GetString()));
        Assert.True(await ShareAtLeastTwoAsync(db, TestUnits.VillageA1) > 0.5);
        Assert.Equal("red", await db.ScalarAsync<string>("SELECT zone FROM region_stats WHERE subject_kind = 'unit' AND subject_id = $1", TestUnits.VillageA1));
        Assert.Equal(12L, await db.ScalarAsync<long>("SELECT count(*) FROM household WHERE 'disaster_flood' = ANY (risk_types)"));
        Assert.Equal(9600, await db.ScalarAsync<int>("SELECT income_per_capita FROM household WHERE household_id = 'A2-00'"));
        Assert.Equal(12L, await db.ScalarAsync<long>("SELECT count(*) FROM area_event_household WHERE event_id = 'flood-1'"));
    }

    [Fact]
    public async Task A_replayed_event_marks_nothing_twice_and_the_same_id_with_another_outline_is_422()
    {
        await using var world = await IngestWorld.StartAsync(Villagers());
        var db = world.Db;
        var first = await world.Client.PostAsync("/api/events", Event(), key: null);
        var rigid = await db.ScalarAsync<int>("SELECT rigid_expenditure FROM household WHERE household_id = 'A1-00'");

        var replay = await world.Client.PostAsync("/api/events", Event(), key: "flood-1");
        var moved = await world.Client.PostAsync("/api/events", Event(geometry: """{"type": "Polygon", "coordinates": [[[102.7, 28.0], [102.8, 28.0], [102.8, 28.1], [102.7, 28.0]]]}"""), key: null);

        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(rigid, await db.ScalarAsync<int>("SELECT rigid_expenditure FROM household WHERE household_id = 'A1-00'"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, moved.StatusCode);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM area_event"));
    }

    [Fact]
    public async Task An_event_over_more_households_than_allowed_is_422_and_changes_nothing()
    {
        await using var world = await IngestWorld.StartAsync(new Dictionary<string, string?> { ["Ingest:MaxEventHouseholds"] = "5" }, Villagers());

        var response = await world.Client.PostAsync("/api/events", Event(), key: null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Event covers too many households", (await response.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal(0L, await world.Db.ScalarAsync<long>("SELECT count(*) FROM area_event"));
        Assert.Equal(0L, await world.Db.ScalarAsync<long>("SELECT count(*) FROM household WHERE rigid_expenditure > 0"));
    }

    public static TheoryData<string, string> BadEvents => new()
    {
        { """{"type": "FeatureCollection", "features": []}""", "type" },
        { Event(id: ""), "properties.id" },
        { Event(type: "\"tsunami\""), "properties.type" },
        { Event(type: "3"), "properties.type" },
        { Event(severity: "5"), "properties.severity" },
        { Event(severity: "\"severe\""), "properties.severity" },
        { Event(date: "\"12/07/2025\""), "properties.date" },
        { Event(date: "\"2999-01-01\""), "properties.date" },
        { Event(geometry: """{"type": "Point", "coordinates": [102.65, 28.05]}"""), "geometry" },
        { Event(geometry: """{"type": "Polygon", "coordinates": [[[28.01, 102.61], [28.01, 102.69], [28.09, 102.69], [28.01, 102.61]]]}"""), "geometry" },
        { Event(geometry: """{"type": "Polygon", "coordinates": [[[102.61, 28.01], [102.69, 28.01], [102.61, 28.01], [102.61, 28.01]]]}"""), "geometry" },
        { Event(geometry: "null"), "geometry" },
        { Event().Replace("\"type\": \"Feature\",", "\"type\": \"Feature\", \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:4547\"}},"), "crs" },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task Bad_event_inputs_are_400_naming_the_fault_and_write_nothing(string body, string field)
    {
        await using var world = await IngestWorld.StartAsync(Villagers());

        var response = await world.Client.PostAsync("/api/events", body, key: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal(("Invalid event", field), (problem.GetProperty("title").GetString(), problem.GetProperty("field").GetString()));
        Assert.Equal(0L, await world.Db.ScalarAsync<long>("SELECT count(*) FROM area_event"));
        Assert.Equal(0L, await world.Db.ScalarAsync<long>("SELECT count(*) FROM household WHERE cardinality(risk_types) > 0"));
    }

    [Fact]
    public async Task A_self_intersecting_outline_is_repaired_with_ST_MakeValid_and_the_repair_is_noted()
    {
        await using var world = await IngestWorld.StartAsync(Villagers());
        const string bowTie = """{"type": "Polygon", "coordinates": [[[102.61, 28.01], [102.69, 28.09], [102.69, 28.01], [102.61, 28.09], [102.61, 28.01]]]}""";

        var answer = await (await world.Client.PostAsync("/api/events", Event(id: "bow-tie", geometry: bowTie), key: null)).JsonAsync();

        Assert.Contains("Self-intersection", Assert.Single(answer.GetProperty("repairs").EnumerateArray()).GetString());
        Assert.True(await world.Db.ScalarAsync<bool>("SELECT ST_IsValid(geom) FROM area_event WHERE event_id = 'bow-tie'"));
    }

    [Fact]
    public async Task Events_are_listed_newest_first_and_each_is_served_as_a_feature_with_its_outline()
    {
        await using var world = await IngestWorld.StartAsync(Villagers());
        await world.Client.PostAsync("/api/events", Event(id: "drought-1", type: "\"干旱\"", severity: "1"), key: null);
        await world.Client.PostAsync("/api/events", Event(id: "quake-1", type: "\"earthquake\"", severity: "2"), key: null);

        var list = await (await world.Client.GetAsync("/api/events")).JsonAsync();
        var feature = await (await world.Client.GetAsync("/api/events/drought-1")).JsonAsync();
        var unknown = await world.Client.GetAsync("/api/events/nothing");

        Assert.Equal(["quake-1", "drought-1"], list.EnumerateArray().Select(e => e.GetProperty("eventId").GetString()));
        Assert.Equal("disaster_drought", feature.GetProperty("properties").GetProperty("riskType").GetString());
        Assert.Equal("MultiPolygon", feature.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal([102.61, 28.01, 102.69, 28.09], feature.GetProperty("properties").GetProperty("bbox").EnumerateArray().Select(v => Math.Round(v.GetDouble(), 6)));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
