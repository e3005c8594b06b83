using Microsoft.Extensions.Options;

using Npgsql;

namespace RiskMap.Server.Database;

/// <summary>Turns the ways start-up can fail for lack of a database into one clear sentence.</summary>
public static class StartupFailure
{
    public static bool IsKnown(Exception e) =>
        e is ManagedPostgresException or MigrationFailedException or NpgsqlException
        || e is OptionsValidationException;

    public static string Describe(Exception e) => e switch
    {
        NpgsqlException { InnerException: System.Net.Sockets.SocketException s } n =>
            $"{n.Message} ({s.Message}). Check ConnectionStrings__RiskMap, or unset it to use the managed local PostGIS.",
        PostgresException p => $"the database refused: {p.SqlState} {p.MessageText}. Check ConnectionStrings__RiskMap.",
        OptionsValidationException o => "invalid configuration: " + string.Join("; ", o.Failures),
        _ => e.Message,
    };
}
