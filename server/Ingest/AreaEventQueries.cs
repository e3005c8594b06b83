using System.Text.Json;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Database;

namespace RiskMap.Server.Ingest;

/// <summary>An area event and what it marked. <c>Bbox</c>: west, south, east, north of its outline.</summary>
public sealed record AreaEventDto(
    string EventId, string Type, string RiskType, int Severity, DateOnly Date, int HouseholdsMarked, int VillagesTouched,
    IReadOnlyList<string> VillageCodes, IReadOnlyList<string> Repairs, IReadOnlyList<double> Bbox, DateTimeOffset ReceivedAt);

/// <summary>One area event as a GeoJSON Feature: its outline, and the event as properties.</summary>
public sealed record AreaEventFeatureDto(string Type, string Id, JsonElement Geometry, AreaEventDto Properties);

/// <summary>Reads area events back: a page of them, newest first, or one with its outline.</summary>
public sealed class AreaEventQueries(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<AreaEventDto>> ListAsync(int limit, int offset, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Ingest.events"));
        cmd.Parameters.Add(new() { Value = limit });
        cmd.Parameters.Add(new() { Value = offset });
        var events = new List<AreaEventDto>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) events.Add(Read(r));
        return events;
    }

    public async Task<AreaEventFeatureDto?> FeatureAsync(string id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Ingest.event"));
        cmd.Parameters.Add(new() { Value = id });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        using var geometry = JsonDocument.Parse(r.GetString(10));
        return new AreaEventFeatureDto("Feature", id, geometry.RootElement.Clone(), Read(r));
    }

    /// <summary>The event columns events.sql and event.sql share.</summary>
    private static AreaEventDto Read(NpgsqlDataReader r)
    {
        var villages = r.GetFieldValue<long[]>(6);
        return new AreaEventDto(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt16(3), r.GetFieldValue<DateOnly>(4), r.GetInt32(5), villages.Length,
            villages.Select(v => new UnitCode(v).ToString()).ToList(), r.GetFieldValue<string[]>(7), r.GetFieldValue<double[]>(8),
            r.GetFieldValue<DateTimeOffset>(9));
    }
}
