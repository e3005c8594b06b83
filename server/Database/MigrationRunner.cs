using Microsoft.Extensions.Logging;
using Npgsql;

namespace RiskMap.Server.Database;

/// <summary>A migration failed; start-up stops with the file name and the database's error.</summary>
public sealed class MigrationFailedException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Applies numbered migrations in order, each in its own transaction, recording each in
/// <c>schema_migration</c>. A second run applies nothing. An advisory lock keeps two server
/// instances starting at once from applying the same file twice.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> log)
{
    // Any constant unique to RiskMap: the key of the session-level advisory lock.
    private const long LockKey = 0x5249534B4D4150; // "RISKMAP"

    public Task<int> ApplyAsync(CancellationToken ct) => ApplyAsync(Migration.Embedded(), ct);

    /// <summary>Applies what is missing; returns the schema version reached.</summary>
    public async Task<int> ApplyAsync(IReadOnlyList<Migration> migrations, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await ExecuteAsync(conn, "SELECT pg_advisory_lock($1)", ct, LockKey);
        try
        {
            await ExecuteAsync(conn, """
                CREATE TABLE IF NOT EXISTS schema_migration (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    checksum   text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);
            var applied = await AppliedAsync(conn, ct);
            foreach (var m in migrations)
            {
                if (applied.TryGetValue(m.Version, out var checksum))
                {
                    if (checksum != m.Checksum)
                        log.LogWarning("Migration {File} changed after it was applied; the database keeps the applied version", m.FileName);
                    continue;
                }
                await ApplyOneAsync(conn, m, ct);
            }
            var newest = migrations.Count == 0 ? 0 : migrations[^1].Version;
            return Math.Max(newest, applied.Keys.DefaultIfEmpty(0).Max());
        }
        finally
        {
            await ExecuteAsync(conn, "SELECT pg_advisory_unlock($1)", CancellationToken.None, LockKey);
        }
    }

    private async Task ApplyOneAsync(NpgsqlConnection conn, Migration m, CancellationToken ct)
    {
        if (m.Version == 1) await RequirePostgisAsync(conn, ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        try
        {
            // A migration file may hold several statements: sent as one simple-protocol batch.
            await using (var cmd = new NpgsqlCommand(m.Sql, conn, tx))
                await cmd.ExecuteNonQueryAsync(ct);
            await using (var record = new NpgsqlCommand("INSERT INTO schema_migration (version, name, checksum) VALUES ($1, $2, $3)", conn, tx))
            {
                record.Parameters.Add(new() { Value = m.Version });
                record.Parameters.Add(new() { Value = m.Name });
                record.Parameters.Add(new() { Value = m.Checksum });
                await record.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
            log.LogInformation("Applied migration {File}", m.FileName);
        }
        catch (PostgresException e)
        {
            await tx.RollbackAsync(CancellationToken.None);
            var detail = e.Detail is null ? "" : $" ({e.Detail})";
            throw new MigrationFailedException($"Migration {m.FileName} failed: {e.SqlState} {e.MessageText}{detail}", e);
        }
    }

    private static async Task RequirePostgisAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'", conn);
        if (await cmd.ExecuteScalarAsync(ct) is null)
            throw new MigrationFailedException(
                $"PostGIS is not installed on the PostgreSQL server at {conn.Host}:{conn.Port}. Install it there (Debian: apt-get install postgresql-{conn.PostgreSqlVersion.Major}-postgis-3) or unset ConnectionStrings__RiskMap to use the managed local PostGIS.",
                new InvalidOperationException("extension postgis not available"));
    }

    private static async Task<Dictionary<int, string>> AppliedAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var result = new Dictionary<int, string>();
        await using var cmd = new NpgsqlCommand("SELECT version, checksum FROM schema_migration", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result[reader.GetInt32(0)] = reader.GetString(1);
        return result;
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var a in args) cmd.Parameters.Add(new() { Value = a });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
