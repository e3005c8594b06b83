using System.Text.Json;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;

namespace RiskMap.Server.Ingest;

/// <summary>
/// An area event and what it marked. <c>Bbox</c>: west, south, east, north of its outline. Seen from
/// an area that did not report it, the villages are those in that area and <c>HouseholdsMarked</c> is null.
/// </summary>
public sealed record AreaEventDto(
    string EventId, string Type, string RiskType, int Severity, DateOnly Date, int? HouseholdsMarked, int VillagesTouched,
    IReadOnlyList<string> VillageCodes, IReadOnlyList<string> Repairs, IReadOnlyList<double> Bbox, DateTimeOffset ReceivedAt);

/// <summary>One area event as a GeoJSON Feature: its outline, and the event as properties.</summary>
public sealed record AreaEventFeatureDto(string Type, string Id, JsonElement Geometry, AreaEventDto Properties);

/// <summary>
/// Reads area events back, as an area sees them: a page of them, newest first, or one with its
/// outline. An area sees the events reported from within it and those that touched its villages.
/// </summary>
public sealed class AreaEventQueries(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<AreaEventDto>> ListAsync(int limit, int offset, AreaScope area, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Ingest.events"));
        cmd.Parameters.Add(new() { Value = limit });
        cmd.Parameters.Add(new() { Value = offset });
        cmd.Parameters.Add(new() { Value = area.First });
        cmd.Parameters.Add(new() { Value = area.Last });
        cmd.Parameters.Add(new() { Value = area.IsEverywhere });
        var events = new List<AreaEventDto>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) events.Add(Read(r, area));
        return events;
    }

    public async Task<AreaEventFeatureDto?> FeatureAsync(string id, AreaScope area, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Ingest.event"));
        cmd.Parameters.Add(new() { Value = id });
        cmd.Parameters.Add(new() { Value = area.First });
        cmd.Parameters.Add(new() { Value = area.Last });
        cmd.Parameters.Add(new() { Value = area.IsEverywhere });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        using var geometry = JsonDocument.Parse(r.GetString(11));
        return new AreaEventFeatureDto("Feature", id, geometry.RootElement.Clone(), Read(r, area));
    }

    /// <summary>The event columns events.sql and event.sql share, as <paramref name="area"/> sees them.</summary>
    private static AreaEventDto Read(NpgsqlDataReader r, AreaScope area)
    {
        var reportedFrom = AreaScope.FromStored(r.IsDBNull(10) ? null : r.GetInt64(10));
        var whole = area.Covers(reportedFrom);
        var villages = r.GetFieldValue<long[]>(6).Where(v => whole || area.Contains(v)).ToArray();
        return new AreaEventDto(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt16(3), r.GetFieldValue<DateOnly>(4), whole ? r.GetInt32(5) : null, villages.Length,
            villages.Select(v => new UnitCode(v).ToString()).ToList(), r.GetFieldValue<string[]>(7), r.GetFieldValue<double[]>(8),
            r.GetFieldValue<DateTimeOffset>(9));
    }
}
