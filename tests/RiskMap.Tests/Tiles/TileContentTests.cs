using System.Net;
using System.Text;
using static RiskMap.Tests.Tiles.TileWorld;

namespace RiskMap.Tests.Tiles;

public sealed class TileContentTests
{
    [Fact]
    public async Task RiskHeat_AtEveryZoom_CarriesNoHouseholdIdOrName()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        for (var i = 0; i < 6; i++)
            await world.AddHouseholdAsync($"HHSECRET{i:D4}", VillageA, 102.05 + i * 1e-4, 27.55, 0.5f + i * 0.05f, 2);

        var served = 0;
        for (var z = 5; z <= 16; z++)
        {
            var (x, y) = TileAt(102.05, 27.55, z);
            using var response = await world.GetAsync("risk-heat", z, x, y);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await BodyAsync(response);
            Assert.DoesNotContain("HHSECRET", Encoding.UTF8.GetString(bytes));
            var layer = Assert.Single(Mvt.Decode(bytes));
            Assert.All(layer.Features, f => Assert.Null(f.Id));
            Assert.All(layer.Features, f => Assert.Subset(new HashSet<string> { "weight", "households", "level" }, f.Properties.Keys.ToHashSet()));
            served++;
        }
        Assert.Equal(12, served);
    }

    [Fact]
    public async Task RiskHeat_BelowThePointsZoom_SumsScoresIntoCellsAndSuppressesSmallCounts()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        for (var i = 0; i < 4; i++)
            await world.AddHouseholdAsync($"h{i}", VillageA, 102.05 + i * 1e-4, 27.55, 0.25f * (i + 1), 2);
        await world.AddHouseholdAsync("lonely", VillageB, 102.15, 27.58, 0.9f, 3);
        var (x, y) = TileAt(102.1, 27.55, 10);

        var layer = await world.LayerAsync("risk-heat", 10, x, y);

        var cell = Assert.Single(layer.Features);
        Assert.Equal(1, cell.Type);
        Assert.Equal(4L, cell.Properties["households"]);
        Assert.Equal(2.5, (double)cell.Properties["weight"], 4);
        var (cx, cy) = Assert.Single(cell.Vertices);
        Assert.Equal(64, cx % 128);
        Assert.Equal(64, cy % 128);
    }

    [Fact]
    public async Task RiskHeat_CellsHoldEveryHouseholdWherePostgisWouldProjectIt()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        var random = new Random(7);
        for (var i = 0; i < 400; i++)
            await world.AddHouseholdAsync($"r{i}", i % 2 == 0 ? VillageA : VillageB,
                102.0 + random.NextDouble() * 0.2, 27.5 + random.NextDouble() * 0.1, 0.1f + (float)random.NextDouble(), 2);
        // Zoom 10: the first zoom whose cells are made from the households themselves (below it, from heat_cell).
        var (x, y) = TileAt(102.1, 27.55, 10);

        var layer = await world.LayerAsync("risk-heat", 10, x, y);

        // The reference: PostGIS's own projection into the tile (ST_Transform, ST_AsMVTGeom), cells of 128 units, at least 3 households.
        var expected = await world.Db.ScalarAsync<string>("""
            SELECT string_agg(cx || ',' || cy || ':' || n, ' ' ORDER BY cx, cy)
              FROM (SELECT floor(ST_X(g) / 128)::int AS cx, floor(ST_Y(g) / 128)::int AS cy, count(*) AS n
                      FROM (SELECT ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope(10, $1, $2), 4096, 0, true) AS g FROM household) p
                     WHERE g IS NOT NULL GROUP BY 1, 2 HAVING count(*) >= 3) c
            """, x, y);
        var served = string.Join(' ', layer.Features
            .Select(f => (Cx: f.Vertices[0].X / 128, Cy: f.Vertices[0].Y / 128, N: Convert.ToInt64(f.Properties["households"])))
            .OrderBy(c => c.Cx).ThenBy(c => c.Cy).Select(c => $"{c.Cx},{c.Cy}:{c.N}"));
        Assert.True(layer.Features.Count > 5, $"{layer.Features.Count} cells");
        Assert.Equal(expected, served);
    }

    [Fact]
    public async Task RiskHeat_FromThePointsZoom_OnePointPerHouseholdWithItsScore()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        await world.AddHouseholdAsync("a", VillageA, 102.0501, 27.5501, 0.8f, 3);
        await world.AddHouseholdAsync("b", VillageA, 102.0502, 27.5502, 0.3f, 1);
        await world.AddHouseholdAsync("none", VillageA, 102.0503, 27.5503, 0f, 0);
        var (x, y) = TileAt(102.0501, 27.5501, 14);

        var layer = await world.LayerAsync("risk-heat", 14, x, y);

        Assert.Equal([0.3, 0.8], layer.Features.Select(f => Math.Round((double)f.Properties["weight"], 4)).Order());
        Assert.Equal([1L, 3L], layer.Features.Select(f => (long)f.Properties["level"]).Order());
        Assert.All(layer.Features, f => Assert.False(f.Properties.ContainsKey("households")));
    }

    [Fact]
    public async Task Labels_OnePointInsideEachUnit_WithNameLevelAndZone_VillagesOnlyFromZoom11()
    {
        await using var world = await CreateAsync();
        await world.AddLiangshanAsync();
        await world.SetStatsAsync(VillageA, 10, 0, 6, 0, "red");
        var (x10, y10) = TileAt(102.2, 27.7, 10);
        var (x12, y12) = TileAt(102.05, 27.55, 12);

        var at10 = await world.LayerAsync("labels", 10, x10, y10);
        var at12 = await world.LayerAsync("labels", 12, x12, y12);

        Assert.DoesNotContain(at10.Features, f => (long)f.Properties["level"] == 5);
        Assert.Contains(at10.Features, f => f.Id == ZhaojueTownship);
        var label = at12.Features.Single(f => f.Id == VillageA);
        Assert.Equal("甲村", label.Properties["name"]);
        Assert.Equal(5L, label.Properties["level"]);
        Assert.Equal("red", label.Properties["zone"]);
        Assert.Equal("513431100001", label.Properties["code"]);
        // The point lies inside 甲村 (102.0–102.1° E): at z12 with 4096 units a tile, z24 tile numbers are tile units.
        var (left, _) = TileAt(102.0, 27.55, 24);
        var (right, _) = TileAt(102.1, 27.55, 24);
        var (px, _) = Assert.Single(label.Vertices);
        Assert.InRange((x12 << 12) + px, left, right);
    }

    [Theory]
    [InlineData(0.0004)]
    [InlineData(0.00005)]
    [InlineData(0.00001)]
    [InlineData(0.00003, 1000)]
    [InlineData(0.00006, 1000)]
    [InlineData(0.0001, 997)]
    public async Task Villages_NeighboursWithAJaggedSharedBorder_DrawTheSameBorderInTheTile(double wobble, int steps = 100)
    {
        await using var world = await CreateAsync();
        await world.AddUnitAsync(Province, 1, "四川省", null, null);
        await world.AddUnitAsync(Prefecture, 2, "凉山彝族自治州", Province, Box(101, 26.5, 105.5, 29.5));
        await world.AddUnitAsync(Zhaojue, 3, "昭觉县", Prefecture, Box(102, 27.5, 103, 28.5));
        await world.AddUnitAsync(ZhaojueTownship, 4, "新城镇", Zhaojue, Box(102, 27.5, 102.4, 27.9));
        // A border along 102.1° E wobbling every ~110 m by up to 40, 5 or 1 m: a z10 tile unit is ~8 m, so the
        // smaller wobbles are what per-polygon simplification would resolve differently on each side.
        var border = Enumerable.Range(0, steps + 1).Select(i => (Lon: 102.1 + wobble * Math.Sin(i * 1.7), Lat: 27.5 + i * 0.1 / steps)).ToList();
        string Ring(IEnumerable<(double Lon, double Lat)> points) =>
            "MULTIPOLYGON(((" + string.Join(",", points.Select(p => FormattableString.Invariant($"{p.Lon} {p.Lat}"))) + ")))";
        var west = Ring(new[] { (102.0, 27.5) }.Concat(border).Concat([(102.0, 27.6), (102.0, 27.5)]));
        var east = Ring(border.AsEnumerable().Reverse().Prepend((102.2, 27.6)).Concat([(102.2, 27.5), (102.2, 27.6)]));
        await world.AddUnitAsync(VillageA, 5, "甲村", ZhaojueTownship, west);
        await world.AddUnitAsync(VillageB, 5, "乙村", ZhaojueTownship, east);
        Assert.True(await world.Db.ScalarAsync<bool>("SELECT bool_and(ST_IsValid(geom)) FROM admin_unit WHERE level = 5"));

        foreach (var z in new[] { 10, 12, 14 })
        {
            var (x, y) = TileAt(102.1, 27.55, z);
            var layer = await world.LayerAsync("villages", z, x, y);
            var a = layer.Features.Single(f => f.Id == VillageA).Vertices.ToHashSet();
            var b = layer.Features.Single(f => f.Id == VillageB).Vertices.ToHashSet();
            // Vertices strictly between the two outer edges are border vertices; both sides must have the same ones.
            var (ax, _) = TileAt(102.0, 27.55, z + 12);
            var (bx, _) = TileAt(102.2, 27.55, z + 12);
            bool Inner((int X, int Y) v) => v.X > ax - (x << 12) + 1 && v.X < bx - (x << 12) - 1 && v.X is > -64 and < 4160 && v.Y is > -64 and < 4160;
            Assert.Equal(a.Where(Inner).OrderBy(v => v), b.Where(Inner).OrderBy(v => v));
        }
    }
}
