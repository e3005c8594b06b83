using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Database;
using RiskMap.Server.Live;

namespace RiskMap.Server.Statistics;

/// <summary>Options of the statistics feature.</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Statistics";

    /// <summary>How often stale income medians are recomputed. Medians need every income under a unit, so they are kept off the write path.</summary>
    public TimeSpan MedianRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Subjects recomputed per transaction by the median refresher.</summary>
    public int MedianRefreshChunk { get; set; } = 500;
}

/// <summary>A subject whose income median the refresher changed.</summary>
public sealed record MedianChange(string Kind, long SubjectId, int? IncomeMedian, long Version);

/// <summary>
/// Recomputes the income medians that household changes marked stale. The medians (a sort of every
/// income under a unit: the whole prefecture's for its row) are computed without a lock on the figures
/// rows, which every household write locks; only storing them locks the rows, for the few milliseconds
/// to the commit. A write that lands meanwhile keeps its mark (see set_medians.sql), so the next pass
/// takes its income in.
/// </summary>
public sealed class MedianRefresher(NpgsqlDataSource db, IOptions<StatisticsOptions> options, TimeProvider time)
{
    /// <summary>
    /// Refreshes every subject stale when the pass reaches it, a chunk per transaction, each once; returns
    /// the medians that changed. Nothing when another server's refresher is at work.
    /// </summary>
    public Task<IReadOnlyList<MedianChange>> RefreshStaleAsync(CancellationToken ct) => RefreshStaleAsync(null, ct);

    /// <param name="computed">Called after a chunk's medians are computed, before they are stored (tests: a write meanwhile).</param>
    /// <param name="ct">Stops the pass between statements.</param>
    internal async Task<IReadOnlyList<MedianChange>> RefreshStaleAsync(Func<Task>? computed, CancellationToken ct)
    {
        var changes = new List<MedianChange>();
        var after = (Kind: "", Id: long.MinValue);
        while (true)
        {
            await using var conn = await db.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            await using (var lockCmd = new NpgsqlCommand(SqlFile.Load("Statistics.lock_refresher"), conn, tx))
                if (await lockCmd.ExecuteScalarAsync(ct) is not true) return changes;
            var stale = new List<(string Kind, long Id, string Seen)>();
            await using (var cmd = new NpgsqlCommand(SqlFile.Load("Statistics.stale_medians"), conn, tx))
            {
                cmd.Parameters.Add(new() { Value = options.Value.MedianRefreshChunk });
                cmd.Parameters.Add(new() { Value = after.Kind });
                cmd.Parameters.Add(new() { Value = after.Id });
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct)) stale.Add((r.GetString(0), r.GetInt64(1), r.GetString(2)));
            }
            if (stale.Count == 0) return changes;
            after = (stale[^1].Kind, stale[^1].Id);

            var medians = new Dictionary<(string, long), int>();
            var chunk = new List<MedianChange>();
            foreach (var group in stale.GroupBy(s => s.Kind == SubjectKind.Site ? (SubjectKind.Site, UnitLevel.Village) : (SubjectKind.Unit, new UnitCode(s.Id).Level)))
            {
                var found = await StatisticsStore.MediansAsync(conn, tx, group.Key.Item1, group.Key.Item2, group.Select(s => s.Id).ToList(), ct);
                foreach (var (id, m) in found) medians[(group.Key.Item1, id)] = m;
            }
            if (computed is not null) await computed();
            await using (var set = new NpgsqlCommand(SqlFile.Load("Statistics.set_medians"), conn, tx))
            {
                set.Parameters.Add(new() { Value = stale.Select(s => s.Kind).ToArray() });
                set.Parameters.Add(new() { Value = stale.Select(s => s.Id).ToArray() });
                set.Parameters.Add(new NpgsqlParameter<int?[]> { TypedValue = stale.Select(s => medians.TryGetValue((s.Kind, s.Id), out var m) ? m : (int?)null).ToArray() });
                set.Parameters.Add(new() { Value = time.GetUtcNow() });
                set.Parameters.Add(new() { Value = stale.Select(s => s.Seen).ToArray() });
                await using var r = await set.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct))
                    if (r.GetBoolean(4)) chunk.Add(new MedianChange(r.GetString(0), r.GetInt64(1), r.IsDBNull(2) ? null : r.GetInt32(2), r.GetInt64(3)));
            }
            if (chunk.Count > 0)
            {
                // A new median is a change of figures: live clients hear of it like any other.
                await LiveLog.LockAsync(conn, tx, ct);
                await LiveLog.AppendStatsAsync(conn, tx, chunk.Select(c => (c.Kind, c.SubjectId)).ToList(), time.GetUtcNow(), ct);
                await LiveLog.NotifyAsync(conn, tx, ct);
            }
            await tx.CommitAsync(ct);
            changes.AddRange(chunk);
        }
    }
}

/// <summary>Runs the median refresher on its interval for as long as the server runs.</summary>
public sealed class MedianRefreshService(MedianRefresher refresher, IOptions<StatisticsOptions> options, TimeProvider time, ILogger<MedianRefreshService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MedianRefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await refresher.RefreshStaleAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                // The database may be restarting: the stale marks stay, and the next tick retries.
                log.LogWarning("Median refresh failed, will retry: {Message}", e.Message);
            }
        }
    }
}
