using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using RiskMap.Server.Database;

namespace RiskMap.Server.Health;

/// <summary>What <c>GET /health</c> reports.</summary>
public sealed record HealthReport(string Status, string Database, string Postgres, string Postgis, int MigrationLevel, bool ManagedDatabase);

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // Public: load balancers and the launcher probe it; it names no data.
        app.MapGet("/health", GetHealth).WithName("Health").WithTags("Health").AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, ProblemHttpResult>> GetHealth(
        NpgsqlDataSource db, DatabaseEndpoint endpoint, ILoggerFactory loggers, CancellationToken ct)
    {
        try
        {
            await using var cmd = db.CreateCommand("""
                SELECT current_setting('server_version'),
                       postgis_lib_version(),
                       (SELECT coalesce(max(version), 0) FROM schema_migration)
                """);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return TypedResults.Ok(new HealthReport("ok", "reachable", reader.GetString(0), reader.GetString(1), reader.GetInt32(2), endpoint.IsManaged));
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            loggers.CreateLogger("RiskMap.Health").LogWarning(e, "Health check: database unreachable");
            return TypedResults.Problem(title: "Database unreachable", detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
