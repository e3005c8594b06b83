using RiskMap.Server.Auth;
using Xunit;

namespace RiskMap.Tests.Auth;

public class RateLimitOptionsTests
{
    [Fact]
    public void ARateOfOneOrMoreASecond_RefillsThatManyTokensEverySecond() =>
        Assert.Equal((100, TimeSpan.FromSeconds(1)), new RateLimitOptions { PermitsPerSecond = 100 }.Refill());

    [Fact]
    public void ARateBelowOneASecond_RefillsOneTokenPerItsInterval() =>
        Assert.Equal((1, TimeSpan.FromSeconds(10)), new RateLimitOptions { PermitsPerSecond = 0.1, Burst = 5 }.Refill());

    [Theory]
    [InlineData(0.0, 5, "PermitsPerSecond")]
    [InlineData(double.NaN, 5, "PermitsPerSecond")]
    [InlineData(10.0, 5, "Burst")]
    [InlineData(0.5, 0, "Burst")]
    public void ARateOrBurstThatCannotWork_IsRefusedNamingTheSetting(double rate, int burst, string setting) =>
        Assert.Contains(new RateLimitOptions { PermitsPerSecond = rate, Burst = burst }.Validate(), e => e.StartsWith($"RateLimits:{setting}"));

    [Fact]
    public void TheDefaults_AreValid() => Assert.Empty(new RateLimitOptions().Validate());
}
