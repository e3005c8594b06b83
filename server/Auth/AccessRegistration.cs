using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace RiskMap.Server.Auth;

public static class AccessRegistration
{
    /// <summary>Rate-limit policy of POST /api/auth/token: attempts per client address per minute.</summary>
    public const string SignInLimit = "sign-in";

    /// <summary>Accounts, tokens, the bearer scheme, the policies, per-user rate limits and the hub's token revalidation.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddAccounts();
        services.AddAuthentication(BearerAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthentication>(BearerAuthentication.SchemeName, null);
        services.AddAuthorization(AccessPolicies.Add);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessDeniedWriter>();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>>(new OptionsCheck<RateLimitOptions>(o => o.Validate()));
        services.AddRateLimiter(_ => { });
        services.AddSingleton<IConfigureOptions<RateLimiterOptions>, RateLimits>();
        services.AddSingleton<HubSessions>();
        services.AddHostedService<HubSessionRevalidation>();
        return services;
    }

    /// <summary>What the CLI needs too: accounts, tokens and the privacy threshold (no web pieces).</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>>(new OptionsCheck<AuthOptions>(o => o.Validate()));
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section)
            .Validate(o => o.MinimumCount is >= 1 and <= 1000, "Privacy:MinimumCount must be 1 to 1000").ValidateOnStart();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<AccessTokens>();
        return services;
    }

    /// <summary>
    /// Authentication, rate limits and authorization, in that order (limits are per user, so they
    /// follow authentication). Called after the viewer's static files, which are public.
    /// </summary>
    public static WebApplication UseAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Start-up validation from an options class's own <c>Validate()</c> list.</summary>
    private sealed class OptionsCheck<T>(Func<T, IReadOnlyList<string>> validate) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            validate(options) is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}

/// <summary>Whose bucket a request draws on: its token's (ids start at 1), or its address's when it has no token.</summary>
internal readonly record struct RatePartition(long TokenId, System.Net.IPAddress? Address);

/// <summary>
/// Per-user limits: a token bucket per token (per client address for requests without one), and a
/// fixed window per address on sign-in. A refused request is a 429 problem with Retry-After.
/// </summary>
internal sealed class RateLimits(IOptions<RateLimitOptions> options, IProblemDetailsService problems) : IConfigureOptions<RateLimiterOptions>
{
    public void Configure(RateLimiterOptions limiter)
    {
        var o = options.Value;
        var (tokens, period) = o.Refill();
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = o.Burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        // Made once: a partition is looked up on every request, and only a new one builds a bucket.
        Func<RatePartition, RateLimiter> newBucket = _ => new TokenBucketRateLimiter(bucket);
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, RatePartition>(http =>
        {
            // A value, not a string made per request: the token, or the address of a request without one.
            var partition = Caller.From(http.User) is { } caller ? new RatePartition(caller.TokenId, null) : new RatePartition(0, http.Connection.RemoteIpAddress);
            return RateLimitPartition.Get(partition, newBucket);
        });
        limiter.AddPolicy(AccessRegistration.SignInLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            $"sign-in:{http.Connection.RemoteIpAddress}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = o.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true }));
        limiter.OnRejected = async (context, ct) =>
        {
            var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
            var http = context.HttpContext;
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"more requests than RateLimits allows for one user; try again in {seconds} s",
                },
            });
        };
    }
}
