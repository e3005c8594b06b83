using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Auth;
using RiskMap.Server.Statistics;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Units;

public sealed class UnitEndpointTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetUnit_ReturnsFiguresZoneParentAndChildren()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using (var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now)))
        {
            await services.WriteAsync(
                TestUnits.Household("A1-1", TestUnits.VillageA1, 3000),
                TestUnits.Household("A1-2", TestUnits.VillageA1, 40000),
                TestUnits.Household("A2-1", TestUnits.VillageA2, 40000));
            await services.Get<MedianRefresher>().RefreshStaleAsync(CancellationToken.None);
        }
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);

        var township = await client.GetFromJsonAsync<JsonElement>("/api/units/513431100");

        Assert.Equal("513431100000", township.GetProperty("code").GetString());
        Assert.Equal("township", township.GetProperty("level").GetString());
        Assert.Equal("新城镇", township.GetProperty("name").GetString());
        Assert.Equal("513431000000", township.GetProperty("parentCode").GetString());
        Assert.Equal(["513431100001", "513431100002"], township.GetProperty("childCodes").EnumerateArray().Select(c => c.GetString()));
        var figures = township.GetProperty("figures");
        Assert.Equal(3, figures.GetProperty("households").GetInt32());
        Assert.Equal(1, figures.GetProperty("level2").GetInt32() + figures.GetProperty("level3").GetInt32());
        Assert.Equal(0.333333, figures.GetProperty("shareAtLeastTwo").GetDouble());
        Assert.Equal(40000, figures.GetProperty("incomeMedian").GetInt32());
        Assert.Equal("yellow", township.GetProperty("zone").GetString()); // 1/3 is not more than 1/3, but above 1/6
        Assert.Equal([102.6, 28.0, 102.8, 28.1], township.GetProperty("bbox").EnumerateArray().Select(v => Math.Round(v.GetDouble(), 6)));
        var label = township.GetProperty("labelPoint").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.InRange(label[0], 102.6, 102.8);
        Assert.InRange(label[1], 28.0, 28.1);
    }

    [Fact]
    public async Task GetUnit_CountsItsDescendantsPerLevelAndZone()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using (var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now)))
            await services.WriteAsync(Enumerable.Range(0, 20).Select(i => TestUnits.Household($"A1-{i}", TestUnits.VillageA1, i < 12 ? 6500 : 40000)).ToArray());
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);

        var county = await client.GetFromJsonAsync<JsonElement>("/api/units/513431");
        var village = await client.GetFromJsonAsync<JsonElement>("/api/units/513431100001");

        var zones = county.GetProperty("zoneCounts");
        Assert.Equal((1, 0, 3), Counts(zones.GetProperty("village")));
        Assert.Equal(2, Counts(zones.GetProperty("township")).Item1 + Counts(zones.GetProperty("township")).Item2 + Counts(zones.GetProperty("township")).Item3);
        Assert.False(zones.TryGetProperty("county", out _)); // itself is not a descendant
        Assert.Equal(JsonValueKind.Null, village.GetProperty("zoneCounts").ValueKind);

        static (int, int, int) Counts(JsonElement c) => (c.GetProperty("red").GetInt32(), c.GetProperty("yellow").GetInt32(), c.GetProperty("green").GetInt32());
    }

    [Fact]
    public async Task ListWithoutParent_GivesTheRootUnits()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);

        var roots = await client.GetFromJsonAsync<JsonElement[]>("/api/units");

        Assert.Equal(["四川省"], roots!.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(["513400000000"], roots![0].GetProperty("childCodes").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task ListChildren_GivesEachChildWithItsOwnFigures()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using (var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now)))
            await services.WriteAsync(TestUnits.Household("B1-1", TestUnits.VillageB1, 3000));
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);

        var children = await client.GetFromJsonAsync<JsonElement[]>("/api/units?parent=513431101000");

        Assert.Equal(["谷曲村", "洒拉地坡村"], children!.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal([1, 0], children!.Select(c => c.GetProperty("figures").GetProperty("households").GetInt32()));
    }

    [Fact]
    public async Task AVillage_IsNamedByItsPlace_WithItsOfficialNameBeside()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await db.ExecuteAsync("UPDATE admin_unit SET name = '谷曲村', official_name = '谷曲村村民委员会' WHERE code = $1", TestUnits.VillageB1);
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);

        var village = await client.GetFromJsonAsync<JsonElement>($"/api/units/{TestUnits.VillageB1}");
        var township = await client.GetFromJsonAsync<JsonElement>("/api/units/513431101000");

        Assert.Equal(("谷曲村", "谷曲村村民委员会"), (village.GetProperty("name").GetString(), village.GetProperty("officialName").GetString()));
        Assert.Equal(township.GetProperty("name").GetString(), township.GetProperty("officialName").GetString());
    }

    [Fact]
    public async Task Prefecture_ComparesKeyAssistanceCountiesWithTheOthers()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using (var services = await TestServices.CreateAsync(db, new ManualTimeProvider(Now)))
            await services.WriteAsync(TestUnits.Household("A1-1", TestUnits.VillageA1, 3000));
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);

        var prefecture = await client.GetFromJsonAsync<JsonElement>("/api/units/5134");

        var key = prefecture.GetProperty("keyCountyComparison").GetProperty("keyCounties");
        Assert.Equal(1, key.GetProperty("counties").GetInt32());
        Assert.Equal(1, key.GetProperty("households").GetInt32());
        Assert.Equal(0, prefecture.GetProperty("keyCountyComparison").GetProperty("otherCounties").GetProperty("counties").GetInt32());
    }

    [Fact]
    public async Task History_HasARowForEachChange()
    {
        var (_, history) = await VillageAfterASecondWriteAsync(TestUnits.Household("A1-1", TestUnits.VillageA1, 3000));

        Assert.Equal(2, history.Length);
        Assert.Equal(0.0, history[0].GetProperty("shareAtLeastTwo").GetDouble());
        Assert.Equal(1.0, history[1].GetProperty("shareAtLeastTwo").GetDouble());
    }

    [Fact]
    public async Task History_KeepsNoRowForAChangeItsFiguresDoNotShow()
    {
        // a risk type noted (因意外事故): the unit's risk type counts move, its households and levels do not
        var (village, history) = await VillageAfterASecondWriteAsync(
            TestUnits.Household("A1-1", TestUnits.VillageA1, 40000, h => h with { RiskTypes = [RiskType.Accident] }));

        Assert.Equal(1, village.GetProperty("riskTypes").GetProperty("accident").GetInt32());
        Assert.Equal(0, village.GetProperty("level1").GetInt32() + village.GetProperty("level2").GetInt32() + village.GetProperty("level3").GetInt32());
        Assert.Equal(Now, Assert.Single(history).GetProperty("validFrom").GetDateTimeOffset());
    }

    [Fact]
    public async Task History_OfAPeriodWithMoreChangesThanItGives_SpansThePeriodToItsLatestChange()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        // 10,001 changes of the county a minute apart (~7 days), its share at level II or above rising by one household each
        await db.ExecuteAsync("""
            INSERT INTO region_stats_history (subject_kind, subject_id, valid_from, households, monitored, level1, level2, level3, zone, scale_return)
            SELECT 'unit', 513431000000, $1::timestamptz + make_interval(mins => i), 10000, 0, 0, i, 0, 'green', false
            FROM generate_series(0, 10000) AS i
            """, Now);
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);
        var period = $"from={Uri.EscapeDataString(Now.AddDays(-1).ToString("O"))}&to={Uri.EscapeDataString(Now.AddDays(10).ToString("O"))}";

        var history = (await client.GetFromJsonAsync<JsonElement[]>($"/api/units/513431000000/history?{period}"))!;

        // 5,000 slices of the period from its first change (Now) to its end (11 days on, ~3 min each): one
        // point for each slice with a change, the figures at the slice's end; oldest first, ending at the last change
        var times = history.Select(p => p.GetProperty("validFrom").GetDateTimeOffset()).ToList();
        Assert.InRange(history.Length, 3000, 5000);
        Assert.Equal(times.Order(), times);
        Assert.Equal(times.Count, times.Distinct().Count());
        Assert.InRange(times[0], Now, Now.AddMinutes(3));
        Assert.Equal((Now.AddMinutes(10000), 10000), (times[^1], history[^1].GetProperty("level2").GetInt32()));
        // a point's figures are those of its own change (level2 counts the minutes since Now)
        Assert.All(history, p => Assert.Equal((p.GetProperty("validFrom").GetDateTimeOffset() - Now).TotalMinutes, p.GetProperty("level2").GetInt32()));
    }

    [Fact]
    public async Task AsOf_ShowsEveryUnitUnderTheOneAskedForAsItWasAtThatMoment()
    {
        var db = await VillageWrittenTwiceAsync();
        await using var _ = db;
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);

        var beforeFlood = await AsOfAsync(client, "513431000000", Now.AddMinutes(30));
        var afterFlood = await AsOfAsync(client, "513431000000", Now.AddHours(2));
        var beforeAnyData = await AsOfAsync(client, "513431000000", Now.AddMinutes(-1));

        // every unit of the county, parents first; the county, township A and village A1 had figures then,
        // A2 and township B's villages never had households
        Assert.Equal(["513431000000", "513431100000", "513431100001", "513431100002", "513431101000", "513431101001", "513431101002"], beforeFlood.Keys);
        var withFigures = beforeFlood.Where(u => u.Value.ValueKind != JsonValueKind.Null).ToList();
        Assert.Equal(["513431000000", "513431100000", "513431100001"], withFigures.Select(u => u.Key));
        Assert.All(withFigures, u => Assert.Equal(("green", 0.0), (u.Value.GetProperty("zone").GetString(), u.Value.GetProperty("shareAtLeastTwo").GetDouble())));
        Assert.Equal(Now, beforeFlood["513431100001"].GetProperty("validFrom").GetDateTimeOffset());
        // after the second write: what the unit's own figures say now (one household at level III: share 1, not green)
        var now = await client.GetFromJsonAsync<JsonElement>("/api/units/513431100001");
        Assert.Equal((now.GetProperty("zone").GetString(), 1.0, now.GetProperty("scaleReturn").GetBoolean()), (afterFlood["513431100001"].GetProperty("zone").GetString(),
            afterFlood["513431100001"].GetProperty("shareAtLeastTwo").GetDouble(), afterFlood["513431100001"].GetProperty("scaleReturn").GetBoolean()));
        Assert.NotEqual("green", now.GetProperty("zone").GetString());
        Assert.Equal(Now.AddHours(1), afterFlood["513431100000"].GetProperty("validFrom").GetDateTimeOffset());
        Assert.Equal(7, beforeAnyData.Count);
        Assert.All(beforeAnyData.Values, f => Assert.Equal(JsonValueKind.Null, f.ValueKind));
    }

    [Fact]
    public async Task AsOf_ShowsTheResettlementSitesInTheUnitsVillagesAsTheyWereThen()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        var clock = new ManualTimeProvider(Now);
        await using (var services = await TestServices.CreateAsync(db, clock))
        {
            // 南坪安置点 (site 9001, in 南坪村): ten relocated households, none at risk; an hour later six of them poor
            await services.WriteAsync(Enumerable.Range(0, 10).Select(i => TestUnits.Household($"S-{i}", TestUnits.VillageA1, 30000) with { Relocated = true, SiteId = 9001 }).ToArray());
            clock.Advance(TimeSpan.FromHours(1));
            await services.WriteAsync(Enumerable.Range(0, 10).Select(i => TestUnits.Household($"S-{i}", TestUnits.VillageA1, i < 6 ? 6500 : 30000) with { Relocated = true, SiteId = 9001 }).ToArray());
        }
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);
        using var townshipB = await factory.CreateClientAsync(Role.Administrator, TestUnits.TownshipB.ToString());

        JsonElement Site(JsonElement body) => Assert.Single(body.GetProperty("sites").EnumerateArray());
        var before = Site(await client.GetFromJsonAsync<JsonElement>($"/api/units/513431000000/as-of?at={Uri.EscapeDataString(Now.AddMinutes(30).ToString("O"))}"));
        var after = Site(await client.GetFromJsonAsync<JsonElement>($"/api/units/513431100000/as-of?at={Uri.EscapeDataString(Now.AddHours(2).ToString("O"))}"));
        var beforeAny = Site(await client.GetFromJsonAsync<JsonElement>($"/api/units/513431100001/as-of?at={Uri.EscapeDataString(Now.AddMinutes(-1).ToString("O"))}"));
        var elsewhere = await townshipB.GetFromJsonAsync<JsonElement>($"/api/units/513431101000/as-of?at={Uri.EscapeDataString(Now.AddHours(2).ToString("O"))}");

        Assert.Equal("9001", before.GetProperty("siteId").GetString());
        Assert.Equal((10, 0.0), (before.GetProperty("figures").GetProperty("households").GetInt32(), before.GetProperty("figures").GetProperty("shareAtLeastTwo").GetDouble()));
        Assert.Equal((0.6, "red"), (after.GetProperty("figures").GetProperty("shareAtLeastTwo").GetDouble(), after.GetProperty("figures").GetProperty("zone").GetString()));
        Assert.Equal(JsonValueKind.Null, beforeAny.GetProperty("figures").ValueKind);
        Assert.Empty(elsewhere.GetProperty("sites").EnumerateArray()); // the site lies in township A's village
    }

    [Fact]
    public async Task AsOf_StaysInsideTheCallersArea()
    {
        var db = await VillageWrittenTwiceAsync();
        await using var _ = db;
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var townshipB = await factory.CreateClientAsync(Role.Leader, TestUnits.TownshipB.ToString());
        using var townshipA = await factory.CreateClientAsync(Role.Leader, TestUnits.TownshipA.ToString());
        var at = Uri.EscapeDataString(Now.AddHours(2).ToString("O"));

        Assert.Equal(HttpStatusCode.NotFound, (await townshipB.GetAsync($"/api/units/513431100000/as-of?at={at}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await townshipA.GetAsync($"/api/units/513431000000/as-of?at={at}")).StatusCode);
        Assert.Equal(["513431100000", "513431100001", "513431100002"], (await AsOfAsync(townshipA, "513431100000", Now.AddHours(2))).Keys);
    }

    [Fact]
    public async Task AsOf_ComesGzippedToAClientThatAcceptsIt_AndPlainToOneThatDoesNot()
    {
        var db = await VillageWrittenTwiceAsync();
        await using var _ = db;
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);
        var url = $"/api/units/513431000000/as-of?at={Uri.EscapeDataString(Now.AddHours(2).ToString("O"))}";

        var plain = await client.GetAsync(url);
        using var gzipped = new HttpRequestMessage(HttpMethod.Get, url);
        gzipped.Headers.AcceptEncoding.ParseAdd("gzip");
        var compressed = await client.SendAsync(gzipped);

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], compressed.Content.Headers.ContentEncoding);
        await using var unzip = new System.IO.Compression.GZipStream(await compressed.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        Assert.Equal(await plain.Content.ReadAsStringAsync(), await new StreamReader(unzip).ReadToEndAsync());
    }

    /// <summary>A database where village A1's one household was written at <see cref="Now"/> at 40,000 yuan, then an hour later at 3,000 (level III).</summary>
    private static async Task<TestDatabase> VillageWrittenTwiceAsync()
    {
        var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        var clock = new ManualTimeProvider(Now);
        await using var services = await TestServices.CreateAsync(db, clock);
        await services.WriteAsync(TestUnits.Household("A1-1", TestUnits.VillageA1, 40000));
        clock.Advance(TimeSpan.FromHours(1));
        await services.WriteAsync(TestUnits.Household("A1-1", TestUnits.VillageA1, 3000));
        return db;
    }

    /// <summary>GET /api/units/{code}/as-of: each unit's figures by code, in the order given.</summary>
    private static async Task<OrderedDictionary<string, JsonElement>> AsOfAsync(HttpClient client, string code, DateTimeOffset at)
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/units/{code}/as-of?at={Uri.EscapeDataString(at.ToString("O"))}");
        Assert.Equal(at, body.GetProperty("at").GetDateTimeOffset());
        var units = new OrderedDictionary<string, JsonElement>();
        foreach (var u in body.GetProperty("units").EnumerateArray()) units.Add(u.GetProperty("code").GetString()!, u.GetProperty("figures"));
        return units;
    }

    /// <summary>
    /// Village A1's figures and history (as the API gives them) after its one household was written at
    /// 40,000 yuan and then, an hour later, as <paramref name="second"/>.
    /// </summary>
    private static async Task<(JsonElement Figures, JsonElement[] History)> VillageAfterASecondWriteAsync(Household second)
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        var clock = new ManualTimeProvider(Now);
        await using (var services = await TestServices.CreateAsync(db, clock))
        {
            await services.WriteAsync(TestUnits.Household("A1-1", TestUnits.VillageA1, 40000));
            clock.Advance(TimeSpan.FromHours(1));
            await services.WriteAsync(second);
        }
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);
        var figures = (await client.GetFromJsonAsync<JsonElement>("/api/units/513431100001")).GetProperty("figures");
        var period = $"from={Uri.EscapeDataString(Now.AddDays(-1).ToString("O"))}&to={Uri.EscapeDataString(Now.AddDays(1).ToString("O"))}";
        return (figures, (await client.GetFromJsonAsync<JsonElement[]>($"/api/units/513431100001/history?{period}"))!);
    }

    [Theory]
    [InlineData("/api/units/12345", HttpStatusCode.BadRequest, "Invalid unit code")]
    [InlineData("/api/units/abc", HttpStatusCode.BadRequest, "Invalid unit code")]
    [InlineData("/api/units/520000000000", HttpStatusCode.NotFound, "Unknown unit")]
    [InlineData("/api/units?parent=", HttpStatusCode.BadRequest, "Invalid unit code")]
    [InlineData("/api/units/513431000000/history?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", HttpStatusCode.BadRequest, "Invalid period")]
    [InlineData("/api/units/513431000000/as-of", HttpStatusCode.BadRequest, "Invalid time")]
    [InlineData("/api/units/5134310/as-of?at=2026-01-01T00:00:00Z", HttpStatusCode.BadRequest, "Invalid unit code")]
    public async Task BadRequests_AreProblemsNamingTheFault(string url, HttpStatusCode status, string title)
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);

        var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(title, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}
