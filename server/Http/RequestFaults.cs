using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Routing;
using RiskMap.Server.Database;

namespace RiskMap.Server.Http;

/// <summary>
/// A request the framework could not bind (malformed JSON, a value of the wrong type, a body too
/// large for Kestrel) answered as a problem saying what was wrong, rather than an empty 400.
/// </summary>
public sealed class RequestFaults(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        http.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Malformed request",
                // The framework's message names the parameter and what it could not read; the inner
                // JSON error gives the position.
                Detail = bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message,
            },
        });
    }
}

public static class FaultRegistration
{
    /// <summary>Faults answered as problems: unusable requests as 4xx, the database away or too slow as 503 with Retry-After.</summary>
    public static IServiceCollection AddFaultProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        // Binding failures throw (to RequestFaults) instead of ending as an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<RequestFaults>();
        services.AddExceptionHandler<DatabaseFaults>();
        return services;
    }
}
