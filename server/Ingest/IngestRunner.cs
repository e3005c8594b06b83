using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using RiskMap.Geodata.Importing;
using RiskMap.Server.Database;
using RiskMap.Server.Imports;

namespace RiskMap.Server.Ingest;

/// <summary>Key spaces of idempotency keys: household requests share one, events are keyed by their id.</summary>
public static class IngestScope
{
    public const string Household = "household";
    public const string Event = "event";
}

/// <summary>One ingest request: its key space and key, what it does, and the fingerprint of its method, path and body.</summary>
public sealed record IngestRequest(string Scope, string Key, string Kind, string Fingerprint);

/// <summary>The answer given to a key the first time: status and JSON body, replayed as they were.</summary>
public sealed record StoredAnswer(int Status, string Body);

/// <summary>What a piece of ingest work decided: an answer to commit with what it accepted and rejected, or a problem (then nothing is kept).</summary>
public sealed record IngestWork<T>(T? Answer, ProblemHttpResult? Problem, int Accepted, IReadOnlyList<ImportReject> Rejects)
{
    public static IngestWork<T> Done(T answer, int accepted, IReadOnlyList<ImportReject> rejects) => new(answer, null, accepted, rejects);

    public static IngestWork<T> Refused(ProblemHttpResult problem) => new(default, problem, 0, []);
}

/// <summary>How a request ended: answered now, answered before (the stored answer), or refused.</summary>
public sealed record IngestRun<T>(T? Answer, StoredAnswer? Replay, ProblemHttpResult? Problem)
{
    /// <summary>The HTTP result: the problem, the stored answer as it was (marked <c>Idempotent-Replayed: true</c>), or <paramref name="answer"/> of the new one.</summary>
    public Results<TResult, ContentHttpResult, ProblemHttpResult> ToResult<TResult>(HttpContext http, Func<T, TResult> answer) where TResult : IResult
    {
        if (Problem is { } problem) return problem;
        if (Replay is not { } replay) return answer(Answer!);
        http.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Content(replay.Body, "application/json; charset=utf-8", Encoding.UTF8, replay.Status);
    }
}

/// <summary>
/// Runs ingest work the one way that makes a request idempotent: in one transaction, holding a lock
/// on its key; a key already answered gets that answer back (same request) or a 422 (a different
/// one) and nothing runs; otherwise the work runs, and its rejects, the answer and the key are
/// written with its data and committed before the answer leaves. A problem, an exception or a
/// cancelled request rolls everything back.
/// </summary>
public sealed class IngestRunner(NpgsqlDataSource db, IOptions<IngestOptions> options, IOptions<JsonOptions> json, TimeProvider time)
{
    public async Task<IngestRun<T>> RunAsync<T>(
        IngestRequest request, Func<NpgsqlConnection, NpgsqlTransaction, Task<IngestWork<T>>> work, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var timeout = new NpgsqlCommand("SELECT set_config('statement_timeout', $1, true)", conn, tx))
        {
            timeout.Parameters.Add(new() { Value = ((long)options.Value.StatementTimeout.TotalMilliseconds).ToString() });
            await timeout.ExecuteNonQueryAsync(ct);
        }
        await using (var lockCmd = new NpgsqlCommand(SqlFile.Load("Ingest.lock_request"), conn, tx))
        {
            lockCmd.Parameters.Add(new() { Value = request.Scope });
            lockCmd.Parameters.Add(new() { Value = request.Key });
            await lockCmd.ExecuteNonQueryAsync(ct);
        }
        if (await StoredAsync(conn, tx, request, ct) is { } stored)
            return stored.Fingerprint == request.Fingerprint
                ? new IngestRun<T>(default, stored.Answer, null)
                : new IngestRun<T>(default, null, IngestProblems.KeyReused(request, stored.At));

        var done = await work(conn, tx);
        if (done.Problem is { } problem) return new IngestRun<T>(default, null, problem);
        await WriteRejectsAsync(conn, request, done.Rejects, ct);
        await using (var insert = new NpgsqlCommand(SqlFile.Load("Ingest.insert_request"), conn, tx))
        {
            insert.Parameters.Add(new() { Value = request.Scope });
            insert.Parameters.Add(new() { Value = request.Key });
            insert.Parameters.Add(new() { Value = request.Kind });
            insert.Parameters.Add(new() { Value = request.Fingerprint });
            insert.Parameters.Add(new() { Value = (short)StatusCodes.Status200OK });
            insert.Parameters.Add(new() { Value = JsonSerializer.Serialize(done.Answer, json.Value.SerializerOptions) });
            insert.Parameters.Add(new() { Value = done.Accepted });
            insert.Parameters.Add(new() { Value = done.Rejects.Select(r => r.Line).Distinct().Count() });
            insert.Parameters.Add(new() { Value = time.GetUtcNow() });
            await insert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new IngestRun<T>(done.Answer, null, null);
    }

    private static async Task<(string Fingerprint, StoredAnswer Answer, DateTimeOffset At)?> StoredAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IngestRequest request, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Ingest.stored_request"), conn, tx);
        cmd.Parameters.Add(new() { Value = request.Scope });
        cmd.Parameters.Add(new() { Value = request.Key });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return (r.GetString(0), new StoredAnswer(r.GetInt16(1), r.GetString(2)), r.GetFieldValue<DateTimeOffset>(3));
    }

    private static async Task WriteRejectsAsync(NpgsqlConnection conn, IngestRequest request, IReadOnlyList<ImportReject> rejects, CancellationToken ct)
    {
        if (rejects.Count == 0) return;
        await using var copy = await conn.BeginBinaryImportAsync(
            "COPY ingest_reject (scope, request_key, item_index, field, reason, raw) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in rejects)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(request.Scope, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(request.Key, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Line, NpgsqlDbType.Integer, ct);
            await ImportBatches.WriteTextAsync(copy, r.Field, ct);
            await ImportBatches.WriteTextAsync(copy, r.Reason, ct);
            await ImportBatches.WriteTextAsync(copy, r.Raw, ct);
        }
        await copy.CompleteAsync(ct);
    }
}
