using System.Net.Http.Headers;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Auth;
using RiskMap.Tests.Infrastructure;
using RiskMap.Tests.Live;

namespace RiskMap.Tests.Auth;

/// <summary>
/// Two neighbouring counties with households, raised alerts and a household alert in each, served on
/// Kestrel (for the hub too). 昭觉县 (513431) is the area the tests' users are given; 喜德县 (513432)
/// is "another county". 谷曲村 holds three households only, one at level II: a small count.
/// </summary>
internal sealed class AccessWorld : IAsyncDisposable
{
    public const long Zhaojue = TestUnits.County;
    public const long Xide = LiveTestData.OtherCounty;
    public const string ZhaojueHousehold = "ZJ-0";
    public const string XideHousehold = "XD-0";
    public const string ZhaojueInCrisis = "ZJ-crisis";
    public const string XideInCrisis = "XD-crisis";

    private AccessWorld(TestDatabase db, RiskMapFactory factory, string url)
    {
        Db = db;
        Factory = factory;
        Url = url;
    }

    public TestDatabase Db { get; }
    public RiskMapFactory Factory { get; }
    public string Url { get; }

    public static async Task<AccessWorld> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        await LiveTestData.InsertOtherCountyAsync(db);
        await using (var services = await TestServices.CreateAsync(db, new ManualTimeProvider(DateTimeOffset.UtcNow)))
        {
            // 12 of 20 at level II in one village of each county: a scale alert in each.
            await services.WriteAsync(LiveTestData.Village(TestUnits.VillageA1, "ZJ", 20, 12));
            await services.WriteAsync(Enumerable.Range(0, 20).Select(i => LiveTestData.OtherCountyHousehold($"XD-{i}", i < 12 ? LiveTestData.Poor : LiveTestData.Comfortable)).ToArray());
            // Three households in 谷曲村, one at level II.
            await services.WriteAsync(LiveTestData.Village(TestUnits.VillageB1, "GQ", 3, 1));
            // One household in each county falls to level III without assistance: a household alert.
            var zj = TestUnits.Household(ZhaojueInCrisis, TestUnits.VillageA2, LiveTestData.Comfortable);
            var xd = LiveTestData.OtherCountyHousehold(XideInCrisis, LiveTestData.Comfortable);
            await services.WriteAsync(zj, xd);
            await services.WriteAsync(Crisis(zj), Crisis(xd));
        }
        var factory = new RiskMapFactory(db.ConnectionString, settings);
        var url = factory.StartKestrel();
        return new AccessWorld(db, factory, url);
    }

    /// <summary>A client signed in as a new account of <paramref name="role"/> in <paramref name="scope"/>.</summary>
    public async Task<HttpClient> ClientAsync(Role role, string scope, TokenKind kind = TokenKind.Session) =>
        Client(await Factory.IssueTokenAsync(role, scope, kind));

    /// <summary>A client sending <paramref name="token"/> (none when null).</summary>
    public HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The open alert of a rule about a subject (a unit code or a household id).</summary>
    public Task<long> AlertIdAsync(string rule, string subject) => Db.ScalarAsync<long>(
        "SELECT alert_id FROM alert WHERE rule = $1 AND coalesce(household_id, subject_id::text) = $2 AND state <> 'resolved'", rule, subject);

    public ValueTask DisposeAsync() => DisposeAllAsync();

    private async ValueTask DisposeAllAsync()
    {
        await Factory.DisposeAsync();
        await Db.DisposeAsync();
    }

    private static Household Crisis(Household h) => h with
    {
        IncomePerCapita = 1500, IncomeLastYear = 9000, RigidExpenditure = 40000, HousingUnsafe = true, RiskTypes = ["illness"],
        Monitoring = MonitoringStatus.Monitored, MonitoredSince = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)),
    };
}
