using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Viewer;

/// <summary>The real server on a loopback port serving the built viewer, for browser tests.</summary>
internal static class ViewerServer
{
    /// <summary>A short live tick, so a change reaches the page quickly.</summary>
    public static RiskMapFactory Create(TestDatabase db, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Live:Tick"] = "00:00:00.050",
            ["Viewer:Directory"] = ViewerPage.DistDirectory(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return new(db.ConnectionString, all);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds (a colour drawn, a request seen); fails after <paramref name="timeout"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) Assert.Fail($"not within {timeout}: {what}");
            await Task.Delay(100);
        }
    }
}
