using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Units;

/// <summary>GET /api/units/search: by name or code, best first, inside the caller's area only.</summary>
public sealed class UnitSearchTests
{
    /// <summary>The test units and a second county, 喜德县, whose names overlap 昭觉县's (新城…, …城北…).</summary>
    private static async Task<TestDatabase> TwoCountiesAsync()
    {
        var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await db.ExecuteAsync("""
            INSERT INTO admin_unit (code, level, name, parent_code, province_code, prefecture_code, county_code, township_code, geom)
            VALUES
              (513432000000, 3, '喜德县', 513400000000, 510000000000, 513400000000, 513432000000, NULL, ST_Multi(ST_MakeEnvelope(102.4, 28.0, 102.6, 28.2, 4326))),
              (513432100000, 4, '新城乡', 513432000000, 510000000000, 513400000000, 513432000000, 513432100000, ST_Multi(ST_MakeEnvelope(102.4, 28.0, 102.6, 28.1, 4326))),
              (513432101000, 4, '老城北乡', 513432000000, 510000000000, 513400000000, 513432000000, 513432101000, ST_Multi(ST_MakeEnvelope(102.4, 28.1, 102.6, 28.2, 4326))),
              (513432100001, 5, '新城乡一村', 513432100000, 510000000000, 513400000000, 513432000000, 513432100000, ST_Multi(ST_MakeEnvelope(102.4, 28.0, 102.5, 28.1, 4326)))
            """);
        return db;
    }

    private static async Task<JsonElement[]> SearchAsync(HttpClient client, string q, int? limit = null) =>
        (await client.GetFromJsonAsync<JsonElement[]>($"/api/units/search?q={Uri.EscapeDataString(q)}{(limit is { } l ? $"&limit={l}" : "")}"))!;

    private static string[] Names(JsonElement[] hits) => hits.Select(h => h.GetProperty("name").GetString()!).ToArray();

    [Fact]
    public async Task A_planner_scoped_to_one_county_never_finds_another_countys_units()
    {
        await using var db = await TwoCountiesAsync();
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var zhaojue = await factory.CreateClientAsync(Role.Planner, "513431");
        using var country = await factory.CreateClientAsync(Role.Administrator);

        Assert.Equal(["新城镇"], Names(await SearchAsync(zhaojue, "新城")));
        Assert.Equal(["新城镇", "新城乡", "新城乡一村"], Names(await SearchAsync(country, "新城")));
        Assert.Empty(await SearchAsync(zhaojue, "喜德"));
        Assert.Empty(await SearchAsync(zhaojue, "513432"));
        Assert.DoesNotContain(await SearchAsync(zhaojue, "5134", limit: 50), h => !h.GetProperty("code").GetString()!.StartsWith("513431"));
        // Nor the prefecture and province above the county: outside the area, not on the path either.
        Assert.Empty(await SearchAsync(zhaojue, "凉山"));
        var nanping = Assert.Single(await SearchAsync(zhaojue, "南坪"));
        Assert.Equal(["昭觉县", "新城镇"], nanping.GetProperty("path").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Exact_matches_come_first_then_prefixes_then_names_containing_the_text()
    {
        await using var db = await TwoCountiesAsync();
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);

        // 城北村 starts with the text; 老城北乡 only contains it, though a township comes before a village otherwise.
        Assert.Equal(["城北村", "老城北乡"], Names(await SearchAsync(client, "城北")));
        // A county's code: the county itself, then what lies under it, coarsest first.
        var byCode = await SearchAsync(client, "513431", limit: 4);
        Assert.Equal(["昭觉县", "新城镇", "谷曲镇", "南坪村"], Names(byCode));
        var county = byCode[0];
        Assert.Equal("513431000000", county.GetProperty("code").GetString());
        Assert.Equal("county", county.GetProperty("level").GetString());
        Assert.Equal(["四川省", "凉山彝族自治州"], county.GetProperty("path").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal([102.6, 28.0, 102.8, 28.2], county.GetProperty("bbox").EnumerateArray().Select(v => Math.Round(v.GetDouble(), 6)));
        // An exact name beats a longer name it starts.
        Assert.Equal(["新城乡", "新城乡一村"], Names(await SearchAsync(client, "新城乡")));
        Assert.Equal(["谷曲村"], Names(await SearchAsync(client, "曲村")));
    }

    [Theory]
    [InlineData("q=", "Invalid search")]
    [InlineData("q=%20%20", "Invalid search")]
    [InlineData("q=新城&limit=0", "Invalid limit")]
    [InlineData("q=新城&limit=51", "Invalid limit")]
    public async Task A_missing_text_or_a_limit_out_of_range_is_a_400_saying_which(string query, string title)
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await using var factory = new RiskMapFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsync(Role.Administrator);

        var response = await client.GetAsync("/api/units/search?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(title, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}
