using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Importing;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;
using RiskMap.Server.Households;

namespace RiskMap.Server.Ingest;

/// <summary>
/// <c>POST /api/events</c>: a disaster outline whose households are marked with its risk type and
/// shock (<see cref="DisasterShock"/>) through <see cref="HouseholdWriter"/>, in batches within one
/// transaction with the event row and its key (the event id). Only households in the reporter's
/// area are marked.
/// </summary>
public sealed class AreaEvents(
    IngestRunner runner, HouseholdWriter writer, HouseholdAssessor assessor, PolicyTableSource policies,
    IOptions<IngestOptions> options, IOptions<DisasterShockOptions> shock, TimeProvider time)
{
    private static readonly string[] MediaTypes = ["application/geo+json", "application/json"];

    public async Task<Results<Ok<AreaEventDto>, ContentHttpResult, ProblemHttpResult>> PostAsync(HttpContext http, Caller caller, CancellationToken ct)
    {
        if (IngestHttp.CheckMediaType(http.Request, MediaTypes, out _) is { } unsupported) return unsupported;
        var (body, tooLarge) = await IngestHttp.ReadBodyAsync(http, options.Value.MaxRequestBytes, ct);
        if (tooLarge is not null) return tooLarge;
        if (IngestHttp.ParseJson(body, out var document) is { } invalid) return invalid;
        AreaEventInput input;
        using (document)
        {
            try { input = AreaEventFeature.Read(document.RootElement, options.Value.MaxEventVertices); }
            catch (FeatureRejected r) { return IngestProblems.Field("Invalid event", r.Field, r.Message); }
        }
        if (input.Date > assessor.Today)
            return IngestProblems.Field("Invalid event", "properties.date", $"{input.Date:yyyy-MM-dd} is after today ({assessor.Today:yyyy-MM-dd} in China): report an event once it has happened");
        if (http.Request.Headers[IngestHttp.KeyHeader].ToString() is { Length: > 0 } header && header != input.Id)
            return IngestProblems.Field("Conflicting idempotency keys", "properties.id", $"an event's key is its id '{input.Id}'; the {IngestHttp.KeyHeader} header says '{header}'");
        var request = new IngestRequest(IngestScope.Event, input.Id, "event", IngestHttp.Fingerprint(http.Request, caller, body));
        var run = await runner.RunAsync(request, (conn, tx) => MarkAsync(conn, tx, input, caller, ct), ct);
        return run.ToResult(http, TypedResults.Ok);
    }

    private async Task<IngestWork<AreaEventDto>> MarkAsync(NpgsqlConnection conn, NpgsqlTransaction tx, AreaEventInput e, Caller caller, CancellationToken ct)
    {
        var (valid, invalidReason, empty, outline) = await JudgeAsync(conn, tx, e.MultiPolygonJson, ct);
        if (empty)
            return IngestWork<AreaEventDto>.Refused(IngestProblems.Field("Invalid event", "geometry",
                invalidReason is null ? "the outline has no area" : $"invalid geometry that ST_MakeValid cannot repair: {invalidReason}"));
        IReadOnlyList<string> repairs = valid ? e.Notes : [.. e.Notes, $"invalid geometry ({invalidReason}) repaired with ST_MakeValid"];
        var receivedAt = time.GetUtcNow();
        double[] bbox;
        await using (var insert = new NpgsqlCommand(SqlFile.Load("Ingest.insert_event"), conn, tx))
        {
            foreach (var value in new object[] { e.Id, e.Type, e.RiskType, (short)e.Severity, e.Date, outline, repairs.ToArray(), receivedAt, caller.Actor })
                insert.Parameters.Add(new() { Value = value });
            insert.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = caller.Scope.Root?.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
            bbox = (double[])(await insert.ExecuteScalarAsync(ct))!;
        }

        var inside = await HouseholdsInsideAsync(conn, tx, e.Id, options.Value.MaxEventHouseholds + 1, caller.Scope, ct);
        if (inside.Count > options.Value.MaxEventHouseholds)
            return IngestWork<AreaEventDto>.Refused(IngestProblems.Of(StatusCodes.Status422UnprocessableEntity, "Event covers too many households",
                $"the outline holds more than {options.Value.MaxEventHouseholds:N0} households (Ingest:MaxEventHouseholds); send it as several events, or change the register by import"));
        var today = assessor.Today;
        foreach (var chunk in inside.Chunk(options.Value.WriteBatchSize))
        {
            var households = await LockedHouseholds.ReadAsync(conn, tx, chunk.Select(h => (h.County, h.Id)).ToList(), ct);
            var shocked = households.Select(h => DisasterShock.Apply(h, e.RiskType, e.Severity, policies.Current.Find(h.VillageCode, today.Year), shock.Value)).ToList();
            await writer.UpsertAsync(conn, tx, shocked, ct);
        }

        var villages = inside.Select(h => h.Village).Distinct().Order().ToArray();
        await ExecuteAsync(conn, tx, "Ingest.mark_event_households", ct, e.Id, inside.Select(h => h.County).ToArray(), inside.Select(h => h.Id).ToArray());
        await ExecuteAsync(conn, tx, "Ingest.finish_event", ct, e.Id, inside.Count, villages);
        var answer = new AreaEventDto(e.Id, e.Type, e.RiskType, (int)e.Severity, e.Date, inside.Count, villages.Length,
            villages.Select(v => new UnitCode(v).ToString()).ToList(), repairs, bbox, receivedAt);
        return IngestWork<AreaEventDto>.Done(answer, inside.Count, []);
    }

    private static async Task<(bool Valid, string? InvalidReason, bool Empty, byte[] Outline)> JudgeAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, string multiPolygonJson, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Ingest.judge_event_geometry"), conn, tx);
        cmd.Parameters.Add(new() { Value = multiPolygonJson });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return (r.GetBoolean(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetBoolean(2), r.GetFieldValue<byte[]>(3));
    }

    private static async Task<List<(long County, string Id, long Village)>> HouseholdsInsideAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, string eventId, int limit, AreaScope area, CancellationToken ct)
    {
        var inside = new List<(long, string, long)>();
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Ingest.households_in_event"), conn, tx);
        cmd.Parameters.Add(new() { Value = eventId });
        cmd.Parameters.Add(new() { Value = limit });
        cmd.Parameters.Add(new() { Value = area.First });
        cmd.Parameters.Add(new() { Value = area.Last });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) inside.Add((r.GetInt64(0), r.GetString(1), r.GetInt64(2)));
        return inside;
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct, params object[] values)
    {
        await using var cmd = new NpgsqlCommand(SqlFile.Load(sql), conn, tx);
        foreach (var value in values) cmd.Parameters.Add(new() { Value = value });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
