using Xunit;
using RiskMap.Server.Risk;

namespace RiskMap.Tests.Risk;

public class FractionTests
{
    [Theory]
    [InlineData("1/3", 1, 3)]
    [InlineData("2/6", 1, 3)]
    [InlineData("0.5", 1, 2)]
    [InlineData("30%", 3, 10)]
    [InlineData("2.5%", 1, 40)]
    [InlineData("1", 1, 1)]
    public void Parse_ReadsFractionsDecimalsAndPercentages(string text, long n, long d) =>
        Assert.Equal(Fraction.Of(n, d), Fraction.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1/0")]
    [InlineData("-1/3")]
    [InlineData("0.0000001")]
    public void Parse_RejectsWhatIsNotAFraction(string text) =>
        Assert.False(Fraction.TryParse(text, out _));

    [Fact]
    public void ExactlyOneThird_DoesNotExceedOneThird()
    {
        Assert.False(Fraction.Of(1, 3).IsExceededBy(3, 9));
        Assert.True(Fraction.Of(1, 3).IsExceededBy(4, 9));
        Assert.True(Fraction.Of(1, 3).IsReachedBy(3, 9));
    }

    [Fact]
    public void ToString_RoundTrips() => Assert.Equal("3/10", Fraction.Parse("0.3").ToString());
}
