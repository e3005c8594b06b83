using Microsoft.Extensions.Primitives;
using RiskMap.Server.Tiles;

namespace RiskMap.Tests.Tiles;

public sealed class TileHeadersTests
{
    [Theory]
    [InlineData("gzip", true)]
    [InlineData("gzip, deflate, br, zstd", true)]
    [InlineData("br;q=1.0, GZIP;q=0.5", true)]
    [InlineData("*", true)]
    [InlineData("deflate, *;q=0.1", true)]
    [InlineData("gzip;q=0", false)]
    [InlineData("gzip; q=0.000, br", false)]
    [InlineData("br, deflate", false)]
    [InlineData("gzipx, xgzip", false)]
    [InlineData("", false)]
    public void AcceptsGzip_ReadsCodingsAndQualities(string header, bool expected) =>
        Assert.Equal(expected, TileHeaders.AcceptsGzip(header));

    [Fact]
    public void AcceptsGzip_ReadsEveryHeaderLine() =>
        Assert.True(TileHeaders.AcceptsGzip(new StringValues(["br", "gzip"])));

    [Theory]
    [InlineData("\"abc-gz\"", true)]
    [InlineData("W/\"abc-gz\"", true)]
    [InlineData("\"old\", \"abc-gz\"", true)]
    [InlineData(" \"old\" ,W/\"abc-gz\" ", true)]
    [InlineData("*", true)]
    [InlineData("\"abc\"", false)]
    [InlineData("\"abc-gz", false)]
    [InlineData("", false)]
    public void Matches_ComparesEachListedETagWeakly(string header, bool expected) =>
        Assert.Equal(expected, TileHeaders.Matches(header, "\"abc-gz\""));
}
