using Microsoft.Extensions.Options;
using Npgsql;

namespace RiskMap.Server.Alerts;

/// <summary>Runs the sweep at start-up and every sweep interval, and the alert clock every clock interval.</summary>
public sealed class AlertClockService(AlertClock clock, AlertSweep sweep, IOptions<AlertOptions> options, TimeProvider time, ILogger<AlertClockService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var nextSweep = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(o.ClockInterval, time);
        do
        {
            try
            {
                if (time.GetUtcNow() >= nextSweep)
                {
                    var swept = await sweep.RunAsync(stoppingToken);
                    if (swept.Count > 0) log.LogInformation("Alert sweep made {Count} transitions", swept.Count);
                    nextSweep = time.GetUtcNow() + o.SweepInterval;
                }
                await clock.TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                // The database may be restarting; the next tick retries.
                log.LogWarning("Alert clock failed, will retry: {Message}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
