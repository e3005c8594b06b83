using Microsoft.Extensions.Options;
using RiskMap.Server.Alerts;
using RiskMap.Server.Auth;

namespace RiskMap.Server.Live;

public static class LiveRegistration
{
    /// <summary>
    /// The alert rules (configuration's, bound from "Alerts" and validated at start-up against the
    /// region thresholds, and those in force: AlertSettings), the engine, the sweep, changes of the
    /// rules and the change recorder: what every household write and rule change needs.
    /// </summary>
    public static IServiceCollection AddAlertRules(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>();
        services.AddSingleton<AlertSettings>();
        services.AddSingleton<AlertEngine>();
        services.AddSingleton<AlertSweep>();
        services.AddSingleton<AlertRuleChanges>();
        services.AddSingleton<ChangeRecorder>();
        return services;
    }

    /// <summary>
    /// The live side: the SignalR hub and its subscriptions, the relay from the change log to
    /// clients, the alert clock and sweep, and the hand actions on alerts (bound from "Live").
    /// </summary>
    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section)
            .Validate(o => o.Validate().Count == 0, "Live: Tick, PollInterval and Retention must be positive, ReadLimit and CatchUpLimit at least 1")
            .ValidateOnStart();
        services.AddSignalR();
        services.AddSingleton<LiveSubscriptions>();
        services.AddSingleton<LiveCatchUpReader>();
        services.AddSingleton<LiveRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveRelay>());
        services.AddSingleton<AlertClock>();
        services.AddSingleton<AlertActions>();
        services.AddHostedService<AlertClockService>();
        return services;
    }

    /// <summary>The hub at /hubs/risk, the alert API at /api/alerts and the alert rules at /api/admin/alert-rules.</summary>
    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        // A token is needed to connect; a connection closes when its token expires (and when it is
        // revoked: HubSessionRevalidation).
        app.MapHub<RiskHub>("/hubs/risk", o => o.CloseOnAuthenticationExpiration = true).RequireAuthorization(AccessPolicies.View);
        app.MapAlertEndpoints();
        app.MapAlertRuleEndpoints();
        return app;
    }
}
