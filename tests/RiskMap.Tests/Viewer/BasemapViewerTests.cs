using System.IO.Compression;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Viewer;

/// <summary>A deployment's own basemap: tiles from a local folder, drawn under the risk layers, nothing from the internet.</summary>
public sealed class BasemapViewerTests
{
    [Fact]
    public async Task A_basemap_folder_the_deployment_adds_is_drawn_under_the_risk_layers_from_RiskMaps_own_server()
    {
        var folder = TestPostgis.ScratchDirectory("viewer-basemap");
        WriteTiles(folder, Magenta(256), zooms: 9..14, west: 102.2, south: 27.7, east: 103.2, north: 28.5);
        await using var scenario = await ViewerScenario.StartAsync(poorInNanping: 0, 1280, 800,
            new Dictionary<string, string?> { ["Basemap:Directory"] = folder, ["Basemap:Attribution"] = "© 测试底图" });
        var (browser, viewer) = (scenario.Browser, scenario.Viewer);

        await scenario.OpenAsync("/#11/28.1/102.7");

        var requests = browser.RequestsSince(0);
        Assert.Contains(requests, u => u.StartsWith(scenario.Url + "/basemap/tiles.json"));
        Assert.Contains(requests, u => u.StartsWith(scenario.Url + "/basemap/") && !u.Contains("tiles.json"));
        Assert.All(requests, u => Assert.StartsWith("http://127.0.0.1:", u.StartsWith("data:") || u.StartsWith("blob:") ? "http://127.0.0.1:" : u));
        // West of the units there is only the basemap: magenta shows through; over a unit its fill covers it.
        var outside = await viewer.ScreenPointAsync(102.52, 28.1);
        var (r, g, b) = await viewer.PixelAsync(outside.X, outside.Y);
        Assert.True(r > 200 && g < 90 && b > 200, $"the basemap is drawn west of the units (rgb {r},{g},{b})");
        var inside = await viewer.ScreenPointAsync(102.65, 28.15);
        var (ri, gi, bi) = await viewer.PixelAsync(inside.X, inside.Y);
        Assert.False(ri > 200 && gi < 90 && bi > 200, $"a unit's fill is drawn over the basemap (rgb {ri},{gi},{bi})");
        await Microsoft.Playwright.Assertions.Expect(browser.Page.Locator("[data-testid=data-attribution]")).ToContainTextAsync("© 测试底图");
        await viewer.SaveScreenshotAsync("viewer-basemap.png");
    }

    private static void WriteTiles(string folder, byte[] png, Range zooms, double west, double south, double east, double north)
    {
        for (var z = zooms.Start.Value; z < zooms.End.Value; z++)
        {
            var (x0, y0) = Tile(west, north, z);
            var (x1, y1) = Tile(east, south, z);
            for (var x = x0; x <= x1; x++)
            {
                Directory.CreateDirectory(Path.Combine(folder, $"{z}", $"{x}"));
                for (var y = y0; y <= y1; y++) File.WriteAllBytes(Path.Combine(folder, $"{z}", $"{x}", $"{y}.png"), png);
            }
        }
    }

    private static (int X, int Y) Tile(double lon, double lat, int z)
    {
        var n = 1 << z;
        var rad = lat * Math.PI / 180;
        return ((int)((lon + 180) / 360 * n), (int)((1 - Math.Log(Math.Tan(rad) + 1 / Math.Cos(rad)) / Math.PI) / 2 * n));
    }

    /// <summary>A square PNG of one colour (RGB 255, 0, 255): signature, IHDR, one IDAT, IEND.</summary>
    private static byte[] Magenta(int size)
    {
        var raw = new byte[size * (1 + 3 * size)];
        for (var row = 0; row < size; row++)
            for (var col = 0; col < size; col++)
            {
                var at = row * (1 + 3 * size) + 1 + 3 * col;
                (raw[at], raw[at + 1], raw[at + 2]) = ((byte)255, (byte)0, (byte)255);
            }
        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(raw);
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", [.. BigEndian(size), .. BigEndian(size), 8, 2, 0, 0, 0]);
        Chunk(png, "IDAT", deflated.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        s.Write(BigEndian(data.Length));
        s.Write(typed);
        s.Write(BigEndian((int)Crc32(typed)));
    }

    private static byte[] BigEndian(int v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
