using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace RiskMap.Server.Auth;

/// <summary>
/// The authorization policies route groups name (docs/security.md § Roles). Every endpoint
/// without one (and without an explicit anonymous marker) requires a signed-in user: the
/// fallback policy, so a new endpoint is closed until someone opens it on purpose.
/// </summary>
public static class AccessPolicies
{
    /// <summary>Any signed-in user, device tokens included: maps, figures, alerts of their area.</summary>
    public const string View = "View";
    /// <summary>Household-level data: planners, data officers, administrators.</summary>
    public const string SeeHouseholds = "SeeHouseholds";
    /// <summary>Region queries and saved regions: planners and administrators.</summary>
    public const string Plan = "Plan";
    /// <summary>Ingest and imports: data officers and administrators.</summary>
    public const string Ingest = "Ingest";
    /// <summary>Acknowledging and resolving alerts: any person signed in, not a wall screen's device token.</summary>
    public const string ActOnAlerts = "ActOnAlerts";
    /// <summary>Users, tokens and rules: administrators.</summary>
    public const string Administer = "Administer";

    public static void Add(AuthorizationOptions options)
    {
        // No policy names the scheme: the bearer scheme is the only one and the default, so the
        // authentication middleware has signed the request in already. A policy naming it would make
        // the authorization middleware authenticate again and copy the user into a new principal on
        // every request. Challenges and forbids still go to it.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(View, p => p.RequireAuthenticatedUser());
        options.AddPolicy(SeeHouseholds, p => p.RequireRole(Roles.PlannerKey, Roles.DataOfficerKey, Roles.AdministratorKey));
        options.AddPolicy(Plan, p => p.RequireRole(Roles.PlannerKey, Roles.AdministratorKey));
        options.AddPolicy(Ingest, p => p.RequireRole(Roles.DataOfficerKey, Roles.AdministratorKey));
        options.AddPolicy(ActOnAlerts, p => p.RequireAuthenticatedUser().RequireAssertion(c => Caller.From(c.User)?.Kind == TokenKind.Session));
        options.AddPolicy(Administer, p => p.RequireRole(Roles.AdministratorKey));
    }

    /// <summary>What a refused policy needed, for the 403's detail.</summary>
    public static string Needs(string? policy) => policy switch
    {
        SeeHouseholds => "household data is for planners, data officers and administrators",
        Plan => "region queries and saved regions are for planners and administrators",
        Ingest => "ingest and imports are for data officers and administrators",
        ActOnAlerts => "alerts are acknowledged and resolved by a person signed in, not by a wall screen's device token",
        Administer => "users, tokens and rules are for administrators",
        _ => "your role may not do this",
    };
}

/// <summary>Answers a refused authorization with a 403 problem naming what was needed; challenges go to the bearer scheme (401).</summary>
public sealed class AccessDeniedWriter(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!result.Forbidden || Caller.From(context.User) is not { } caller)
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }
        var named = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().LastOrDefault(a => a.Policy is not null)?.Policy;
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Not allowed",
                Detail = $"{AccessPolicies.Needs(named)} (you are signed in as {caller.Username}, {caller.Role.Key()}{(caller.Kind == TokenKind.Device ? ", with a view-only device token" : "")})",
            },
        });
    }
}
