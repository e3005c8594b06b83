// What a tile miss costs the server beyond the query: SHA-256 (the ETag) and gzip at Optimal and at
// Fastest, per tile, on tiles saved from a running server (gzip bodies, as served):
//   dotnet run bench/tiles/encode/encode.cs -- DIR
#:property PublishAot=false
using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;

var files = Directory.GetFiles(args[0], "*", SearchOption.AllDirectories);
var tiles = files.Select(f => { using var g = new GZipStream(File.OpenRead(f), CompressionMode.Decompress); var m = new MemoryStream(); g.CopyTo(m); return m.ToArray(); }).Where(b => b.Length > 0).ToArray();
Console.WriteLine($"{tiles.Length} tiles, median {tiles.Select(t => t.Length).Order().ElementAt(tiles.Length / 2)} bytes plain");
void Time(string name, Func<byte[], int> f)
{
    long sink = 0;
    for (int r = 0; r < 3; r++) foreach (var t in tiles) sink += f(t);
    var best = double.MaxValue;
    for (int rep = 0; rep < 5; rep++)
    {
        var sw = Stopwatch.StartNew();
        for (int r = 0; r < 5; r++) foreach (var t in tiles) sink += f(t);
        best = Math.Min(best, sw.Elapsed.TotalMicroseconds / (5 * tiles.Length));
    }
    Console.WriteLine($"{name,-28} {best,8:F2} µs/tile  ({sink % 7})");
}
int Gz(byte[] t, CompressionLevel level) { using var buffer = new MemoryStream(t.Length / 2 + 64); using (var g = new GZipStream(buffer, level, true)) g.Write(t); return buffer.ToArray().Length; }
Time("sha256", t => SHA256.HashData(t)[0]);
Time("gzip optimal", t => Gz(t, CompressionLevel.Optimal));
Time("gzip fastest", t => Gz(t, CompressionLevel.Fastest));
long so = 0, sf = 0; foreach (var t in tiles) { so += Gz(t, CompressionLevel.Optimal); sf += Gz(t, CompressionLevel.Fastest); }
Console.WriteLine($"gzip bytes: optimal {so / tiles.Length}, fastest {sf / tiles.Length} per tile");
