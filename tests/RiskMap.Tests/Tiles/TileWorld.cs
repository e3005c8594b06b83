using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Server.Tiles;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Tiles;

/// <summary>
/// A test's own database and in-memory server, with helpers to insert units, figures, households and
/// sites and to fetch and decode tiles. Two Liangshan counties: 昭觉县 (102–103° E, 27.5–28.5° N) with a
/// township and two neighbouring villages, and 喜德县 (104–105° E) far enough away to share no tile at z8+.
/// </summary>
public sealed class TileWorld : IAsyncDisposable
{
    public const long Province = 510000000000, Prefecture = 513400000000;
    public const long Zhaojue = 513431000000, ZhaojueTownship = 513431100000, VillageA = 513431100001, VillageB = 513431100002;
    public const long Xide = 513432000000, XideTownship = 513432100000, XideVillage = 513432100001;

    private TileWorld(TestDatabase db, RiskMapFactory factory, HttpClient client)
    {
        Db = db;
        Factory = factory;
        Client = client;
    }

    public TestDatabase Db { get; }
    public RiskMapFactory Factory { get; }
    /// <summary>An administrator of the whole country: sees every feature, nothing withheld.</summary>
    public HttpClient Client { get; }
    public TileInvalidator Invalidator => Factory.Services.GetRequiredService<TileInvalidator>();

    public static async Task<TileWorld> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var db = await TestPostgis.CreateDatabaseAsync();
        var factory = new RiskMapFactory(db.ConnectionString, settings);
        return new TileWorld(db, factory, await factory.CreateClientAsync(RiskMap.Server.Auth.Role.Administrator));
    }

    /// <summary>Inserts the two counties, their township and villages (no figures, no households).</summary>
    public async Task AddLiangshanAsync()
    {
        await AddUnitAsync(Province, 1, "四川省", null, null);
        await AddUnitAsync(Prefecture, 2, "凉山彝族自治州", Province, Box(101, 26.5, 105.5, 29.5));
        await AddUnitAsync(Zhaojue, 3, "昭觉县", Prefecture, Box(102, 27.5, 103, 28.5), keyCounty: true);
        await AddUnitAsync(ZhaojueTownship, 4, "新城镇", Zhaojue, Box(102, 27.5, 102.4, 27.9));
        await AddUnitAsync(VillageA, 5, "甲村", ZhaojueTownship, Box(102.0, 27.5, 102.1, 27.6));
        await AddUnitAsync(VillageB, 5, "乙村", ZhaojueTownship, Box(102.1, 27.5, 102.2, 27.6));
        await AddUnitAsync(Xide, 3, "喜德县", Prefecture, Box(104, 28, 105, 29));
        await AddUnitAsync(XideTownship, 4, "光明镇", Xide, Box(104.4, 28.4, 104.8, 28.8));
        await AddUnitAsync(XideVillage, 5, "丙村", XideTownship, Box(104.5, 28.5, 104.6, 28.6));
    }

    public static string Box(double w, double s, double e, double n) =>
        string.Create(CultureInfo.InvariantCulture, $"MULTIPOLYGON((({w} {s},{e} {s},{e} {n},{w} {n},{w} {s})))");

    public Task AddUnitAsync(long code, int level, string name, long? parent, string? wkt, bool keyCounty = false) =>
        Db.ExecuteAsync("""
            INSERT INTO admin_unit (code, level, name, parent_code, province_code, prefecture_code, county_code, township_code,
                                    is_key_county, geom, area_km2)
            VALUES ($1, $2::smallint, $3, $4, $1 / 10000000000 * 10000000000,
                    CASE WHEN $2 >= 2 THEN $1 / 100000000 * 100000000 END,
                    CASE WHEN $2 >= 3 THEN $1 / 1000000 * 1000000 END,
                    CASE WHEN $2 >= 4 THEN $1 / 1000 * 1000 END,
                    $5, ST_GeomFromText($6, 4326), ST_Area(ST_GeomFromText($6, 4326)::geography) / 1e6)
            """, code, level, name, parent is null ? DBNull.Value : parent.Value, keyCounty, wkt is null ? DBNull.Value : wkt);

    /// <summary>Upserts a unit's (or site's) figures, bumping its version as the statistics feature does.</summary>
    public Task SetStatsAsync(long subject, int households, int level1, int level2, int level3, string zone,
        int gapMonitor = 0, int gapUnassisted = 0, int gapExit = 0, string kind = "unit") =>
        Db.ExecuteAsync("""
            INSERT INTO region_stats (subject_kind, subject_id, households, level1, level2, level3, zone,
                                      gap_should_monitor, gap_unassisted, gap_should_exit, scale_return)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $7 = 'red')
            ON CONFLICT (subject_kind, subject_id) DO UPDATE SET
                households = excluded.households, level1 = excluded.level1, level2 = excluded.level2,
                level3 = excluded.level3, zone = excluded.zone, gap_should_monitor = excluded.gap_should_monitor,
                gap_unassisted = excluded.gap_unassisted, gap_should_exit = excluded.gap_should_exit,
                scale_return = excluded.scale_return, version = region_stats.version + 1
            """, kind, subject, households, level1, level2, level3, zone, gapMonitor, gapUnassisted, gapExit);

    public Task AddHouseholdAsync(string id, long village, double lon, double lat, float score, int level) =>
        Db.ExecuteAsync("""
            INSERT INTO household (household_id, county_code, village_code, geom, members, labour, income_per_capita,
                                   risk_score, risk_level)
            VALUES ($1, $2 / 1000000 * 1000000, $2, ST_SetSRID(ST_MakePoint($3, $4), 4326), 4, 2, 5000, $5, $6::smallint)
            """, id, village, lon, lat, score, level);

    public Task AddSiteAsync(long siteId, string name, long village, double lon, double lat, int households, int labour, int employed) =>
        Db.ExecuteAsync("""
            INSERT INTO resettlement_site (site_id, name, county_code, village_code, geom, capacity_households,
                                           relocated_households, relocated_people, labour_force, employed_labour)
            VALUES ($1, $2, $3 / 1000000 * 1000000, $3, ST_SetSRID(ST_MakePoint($4, $5), 4326), $6, $6, $6 * 3, $7, $8)
            """, siteId, name, village, lon, lat, households, labour, employed);

    /// <summary>The XYZ tile holding a point at zoom z.</summary>
    public static (int X, int Y) TileAt(double lon, double lat, int z)
    {
        var n = 1 << z;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var rad = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(rad) + 1 / Math.Cos(rad)) / Math.PI) / 2 * n);
        return (x, y);
    }

    public Task<HttpResponseMessage> GetAsync(string layer, int z, int x, int y, bool gzip = true, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/tiles/{layer}/{z}/{x}/{y}");
        if (gzip) request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return Client.SendAsync(request);
    }

    /// <summary>The plain MVT bytes of a response, gunzipped when it says so.</summary>
    public static async Task<byte[]> BodyAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.Content.Headers.ContentEncoding.Contains("gzip")) return bytes;
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await gzip.CopyToAsync(plain);
        return plain.ToArray();
    }

    /// <summary>Fetches a tile (must be 200) and decodes its one layer.</summary>
    public async Task<MvtLayer> LayerAsync(string layer, int z, int x, int y)
    {
        using var response = await GetAsync(layer, z, x, y);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(Mvt.Decode(await BodyAsync(response)));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Db.DisposeAsync();
    }
}
