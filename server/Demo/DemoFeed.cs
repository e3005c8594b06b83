using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;

namespace RiskMap.Server.Demo;

/// <summary>The demo's live feed (section "Demo:Feed"): how busy the simulated county offices are.</summary>
public sealed class DemoFeedOptions
{
    public const string Section = "Demo:Feed";

    /// <summary>Run the feed whenever the demo runs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the feed acts.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Routine changes (visits, income updates) each interval.</summary>
    public int RoutineChanges { get; set; } = 6;

    /// <summary>The first disaster comes this long after start-up …</summary>
    public TimeSpan FirstDisasterAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>… and then one every this long.</summary>
    public TimeSpan DisasterEvery { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Radius of a disaster around the village it strikes (one of the poorest; it usually reaches a neighbour or two).</summary>
    public double DisasterRadiusMetres { get; set; } = 6000;

    /// <summary>Township officials acknowledge a raised alert after this long.</summary>
    public TimeSpan AcknowledgeAfter { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>Relief and assistance reach a disaster's households this long after it struck, bringing them back.</summary>
    public TimeSpan RecoveryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Households recovered per interval (the relief is paid out over a while).</summary>
    public int RecoveriesPerInterval { get; set; } = 40;
}

/// <summary>
/// The demo's live feed: a simulated data office using RiskMap's own HTTP API as any client
/// would (idempotency keys and all). Routine visits and income updates every few seconds; now
/// and then a severe disaster over a few villages (POST /api/events), which pushes them over
/// the scale threshold and raises alerts; officials acknowledge them; relief and assistance
/// later bring the households back (PATCH + assistance), and the alerts resolve by themselves.
/// It signs in as any client does: the data officer account <c>demo-feed</c> of the demo's area,
/// with a token issued at start and revoked at stop.
/// </summary>
public sealed class DemoFeed(
    NpgsqlDataSource db, IServer server, IHostApplicationLifetime lifetime, IOptions<DemoOptions> demo, IOptions<DemoFeedOptions> options,
    UserAccounts accounts, AccessTokens tokens, TimeProvider time, ILogger<DemoFeed> log) : BackgroundService
{
    private const string FeedAccount = "demo-feed";

    private static readonly string[] DisasterTypes = ["flood", "landslide", "earthquake", "drought", "hail"];
    private static readonly string[] Officials = ["乡镇干部 阿依", "驻村第一书记 吉克", "乡村振兴专干 沙马", "乡长 马海"];
    private readonly Random _random = new();
    private readonly Queue<(DateTimeOffset Due, List<(string Id, int Income, int Rigid)> Households)> _recoveries = new();
    private int _disasters;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!demo.Value.Enabled || !o.Enabled || !await StartedAsync(stoppingToken)) return;
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal));
        if (address is null) { log.LogWarning("Demo feed: no http address to talk to; the feed is off"); return; }
        using var http = new HttpClient { BaseAddress = new Uri(address.Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1")), Timeout = TimeSpan.FromSeconds(30) };
        var token = await SignInAsync(stoppingToken);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Token);
        try { await RunAsync(http, o, stoppingToken); }
        finally
        {
            try { await tokens.RevokeAsync(token.TokenId, FeedAccount, CancellationToken.None); }
            catch (Exception e) when (e is NpgsqlException or TimeoutException) { log.LogWarning("Demo feed: could not revoke its token: {Message}", e.Message); }
        }
    }

    /// <summary>The feed's account (created the first time) and a token for this run.</summary>
    private async Task<IssuedToken> SignInAsync(CancellationToken ct)
    {
        var area = AreaScope.Of(demo.Value.RootCode);
        var account = await accounts.FindAsync(FeedAccount, ct)
            ?? await accounts.AddAsync(FeedAccount, "演示数据办 demo data office", Role.DataOfficer, area, null, "demo", ct)
            ?? throw new InvalidOperationException($"could not create the {FeedAccount} account");
        if (account.Scope != area || account.Role != Role.DataOfficer || account.Disabled)
            await accounts.ChangeAsync(account.UserId, new AccountChange(Role: Role.DataOfficer, Scope: area, Disabled: false), ct);
        return await tokens.IssueAsync(account.UserId, TokenKind.Session, "demo feed", TimeSpan.FromDays(30), "demo", ct);
    }

    private async Task RunAsync(HttpClient http, DemoFeedOptions o, CancellationToken stoppingToken)
    {
        var nextDisaster = time.GetUtcNow() + o.FirstDisasterAfter;
        log.LogInformation("Demo feed running: routine changes every {Interval}, the first disaster at {At:HH:mm:ss}", o.Interval, nextDisaster.ToLocalTime());
        using var timer = new PeriodicTimer(o.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RoutineAsync(http, o, stoppingToken);
                if (time.GetUtcNow() >= nextDisaster)
                {
                    await DisasterAsync(http, o, stoppingToken);
                    nextDisaster = time.GetUtcNow() + o.DisasterEvery;
                }
                await AcknowledgeAsync(http, o, stoppingToken);
                await RecoverAsync(http, o, stoppingToken);
            }
            catch (Exception e) when (e is HttpRequestException or NpgsqlException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                log.LogWarning("Demo feed: {Message}; trying again next time", e.Message);
            }
        }
    }

    private async Task<bool> StartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var stop = ct.Register(() => started.TrySetCanceled());
        try { await started.Task; return true; }
        catch (TaskCanceledException) { return false; }
    }

    /// <summary>Visits recorded and incomes updated for a few households.</summary>
    private async Task RoutineAsync(HttpClient http, DemoFeedOptions o, CancellationToken ct)
    {
        double estimate;
        await using (var count = db.CreateCommand(SqlFile.Load("Demo.household_estimate")))
            estimate = (double)(await count.ExecuteScalarAsync(ct))!;
        // Enough blocks for ~50 times the households wanted; all of a small table.
        var percent = estimate <= 0 ? 100 : Math.Clamp(100.0 * o.RoutineChanges * 50 / estimate, 0.01, 100);
        await using var cmd = db.CreateCommand(SqlFile.Load("Demo.sample_households"));
        cmd.Parameters.Add(new() { Value = o.RoutineChanges });
        cmd.Parameters.Add(new() { Value = (float)percent });
        var sample = new List<(string Id, int Income)>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) sample.Add((r.GetString(0), r.GetInt32(1)));
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        foreach (var (id, income) in sample)
        {
            if (_random.Next(2) == 0)
                await SendAsync(http, HttpMethod.Post, $"/api/households/{Uri.EscapeDataString(id)}/visits", new JsonObject { ["on"] = today.ToString("yyyy-MM-dd") }, ct);
            else
            {
                var change = 1 + (_random.NextDouble() - 0.45) * 0.1;
                await SendAsync(http, HttpMethod.Patch, $"/api/households/{Uri.EscapeDataString(id)}",
                    new JsonObject { ["incomePerCapita"] = (int)Math.Max(0, income * change) }, ct);
            }
        }
    }

    /// <summary>A severe disaster around a village at random, through the area events API.</summary>
    private async Task DisasterAsync(HttpClient http, DemoFeedOptions o, CancellationToken ct)
    {
        string name, geometry;
        await using (var cmd = db.CreateCommand(SqlFile.Load("Demo.disaster_site")))
        {
            cmd.Parameters.Add(new() { Value = o.DisasterRadiusMetres });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return;
            (name, geometry) = (r.GetString(1), r.GetString(2));
        }
        var households = new List<(string, int, int)>();
        await using (var cmd = db.CreateCommand(SqlFile.Load("Demo.households_in_area")))
        {
            cmd.Parameters.Add(new() { Value = geometry });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) households.Add((r.GetString(0), r.GetInt32(1), r.GetInt32(2)));
        }
        var type = DisasterTypes[_random.Next(DisasterTypes.Length)];
        var id = $"demo-{time.GetUtcNow():yyyyMMddHHmmss}-{++_disasters}";
        var feature = new JsonObject
        {
            ["type"] = "Feature",
            ["geometry"] = JsonNode.Parse(geometry),
            ["properties"] = new JsonObject
            {
                ["id"] = id, ["type"] = type, ["severity"] = 3,
                ["date"] = DateOnly.FromDateTime(time.GetLocalNow().DateTime).ToString("yyyy-MM-dd"),
                ["name"] = $"{name}一带 {type} (demo)",
            },
        };
        using var response = await http.PostAsJsonAsync("/api/events", feature, ct);
        if (!response.IsSuccessStatusCode)
        {
            log.LogWarning("Demo feed: the disaster was refused: {Status} {Body}", (int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
            return;
        }
        _recoveries.Enqueue((time.GetUtcNow() + o.RecoveryAfter, households));
        log.LogInformation("Demo feed: severe {Type} around {Village} ({Households} households); relief in {After}", type, name, households.Count, o.RecoveryAfter);
    }

    /// <summary>Officials acknowledge raised alerts that have waited a while.</summary>
    private async Task AcknowledgeAsync(HttpClient http, DemoFeedOptions o, CancellationToken ct)
    {
        var page = await http.GetFromJsonAsync<JsonObject>("/api/alerts?state=raised&limit=20", ct);
        foreach (var alert in page?["alerts"]?.AsArray() ?? [])
        {
            if (alert?["raisedAt"]?.GetValue<DateTimeOffset>() is not { } raised || time.GetUtcNow() - raised < o.AcknowledgeAfter) continue;
            if ((string?)alert["severity"] != "red" && _random.Next(3) != 0) continue;
            await SendAsync(http, HttpMethod.Post, $"/api/alerts/{(long)alert["alertId"]!}/acknowledge", new JsonObject
            {
                ["by"] = Officials[_random.Next(Officials.Length)],
                ["comment"] = "已组织入户核查，临时救助申请中 (checking every household; relief requested)",
            }, ct);
        }
    }

    /// <summary>Relief reaches a struck area: losses covered, incomes restored, an assistance measure recorded.</summary>
    private async Task RecoverAsync(HttpClient http, DemoFeedOptions o, CancellationToken ct)
    {
        if (_recoveries.Count == 0 || _recoveries.Peek().Due > time.GetUtcNow()) return;
        var households = _recoveries.Peek().Households;
        var batch = households.Take(o.RecoveriesPerInterval).ToList();
        households.RemoveRange(0, batch.Count);
        if (households.Count == 0) _recoveries.Dequeue();
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime).ToString("yyyy-MM-dd");
        foreach (var (id, income, rigid) in batch)
        {
            var path = $"/api/households/{Uri.EscapeDataString(id)}";
            await SendAsync(http, HttpMethod.Post, path + "/assistance", new JsonObject { ["kind"] = AssistanceKind.SocialProtection, ["startedOn"] = today }, ct);
            await SendAsync(http, HttpMethod.Patch, path, new JsonObject { ["incomePerCapita"] = income, ["rigidExpenditure"] = rigid }, ct);
        }
    }

    private async Task SendAsync(HttpClient http, HttpMethod method, string path, JsonObject body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", $"demo-feed-{Guid.NewGuid():N}");
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.NotFound)
            log.LogDebug("Demo feed: {Method} {Path} → {Status}", method, path, (int)response.StatusCode);
    }
}
