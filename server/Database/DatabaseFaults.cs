using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace RiskMap.Server.Database;

/// <summary>
/// Turns the database being away or too slow into a 503 problem with <c>Retry-After</c>, for every
/// endpoint: PostgreSQL restarting or unreachable, the connection pool exhausted, a statement
/// timeout. Clients (and the viewer) retry; an ingest request retried with its key is carried out
/// once, whether or not the first attempt committed before the connection broke.
/// Anything else stays a 500: it is a defect to fix, not a state of the world.
/// </summary>
public sealed class DatabaseFaults(IProblemDetailsService problems, ILogger<DatabaseFaults> log) : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait: about what a PostgreSQL restart with crash recovery takes.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The client went away: nobody to answer.
        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested) return true;
        if (Classify(exception) is not { } fault) return false;
        log.LogWarning("{Method} {Path}: {Title}: {Message}", http.Request.Method, http.Request.Path, fault.Title, exception.Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = fault.Title, Detail = fault.Detail },
        });
    }

    /// <summary>The problem a database fault is, or null when the exception is not one.</summary>
    public static (string Title, string Detail)? Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: PostgresErrorCodes.QueryCanceled }:
                    return ("Database too slow", "the database did not answer within the statement timeout; the request was not carried out; try again, or ask for less");
                case PostgresException p when IsUnavailable(p.SqlState):
                    return ("Database unavailable", $"the database is restarting or refusing connections ({p.SqlState}); {Retry}");
                case PostgresException:
                    return null;
                case NpgsqlException or SocketException:
                    return ("Database unavailable", $"the database cannot be reached; {Retry}");
                case TimeoutException:
                    return ("Database busy", $"no database connection became free in time; {Retry}");
            }
        }
        return null;
    }

    private const string Retry = "send the request again in a few seconds (an ingest request with the same key is carried out once)";

    // Class 08 connection exceptions, 53 insufficient resources, 57P01-57P03 shutdown and start-up,
    // 40001/40P01 serialization failure and deadlock (retrying is the documented remedy).
    private static bool IsUnavailable(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
        || state is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;
}
