using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;
using RiskMap.Server.Risk;

namespace RiskMap.Server.Regions;

/// <summary>What a region is: drawn now, a saved watch region, or a unit's outline; and which thresholds judge its zone.</summary>
public sealed record RegionSubject(string Kind, long? RegionId, UnitCode? UnitCode, string? Name, RegionLevel Level)
{
    public const string Drawn = "drawn";
    public const string Saved = "saved";
    public const string Unit = "unit";
}

/// <summary>
/// A region ready to query: its outline as WKB (EPSG:4326, valid), area, vertex count, and the
/// repairs made to the input (a ring closed). Geometry crosses to PostGIS as WKB bind parameters.
/// </summary>
public sealed record RegionShape(RegionSubject Subject, byte[] Wkb, double AreaKm2, int Vertices, IReadOnlyList<string> Notes);

/// <summary>Turns a <see cref="RegionSpec"/> into a <see cref="RegionShape"/>, judging drawn outlines with PostGIS.</summary>
public static class RegionShapes
{
    /// <summary>
    /// The region as <paramref name="area"/> may ask for it: a drawn outline within the area's own
    /// outline, a unit in the area, a region saved from within the area (others are unknown).
    /// </summary>
    /// <exception cref="RegionFault">Invalid or too large a drawn outline, or one reaching outside the area; an unknown region or unit.</exception>
    public static async Task<RegionShape> ResolveAsync(
        NpgsqlConnection conn, NpgsqlTransaction? tx, RegionSpec spec, RegionOptions options, AreaScope area, CancellationToken ct)
    {
        switch (spec)
        {
            case DrawnRegion drawn:
                var shape = await JudgeAsync(conn, tx, drawn, options, ct);
                await CheckWithinAsync(conn, tx, shape.Wkb, area, ct);
                return shape;
            case SavedRegion saved:
                return await SavedAsync(conn, tx, saved.RegionId, area, ct);
            case UnitRegion unit when area.Contains(unit.Code):
                return await UnitAsync(conn, tx, unit.Code, ct);
            case UnitRegion unit:
                throw RegionFault.NotFound(RegionFault.UnknownUnit, $"no administrative unit in your area has code {unit.Code}");
            default:
                throw new ArgumentOutOfRangeException(nameof(spec));
        }
    }

    /// <summary>Refuses an outline that reaches beyond the area's own (with the whole country, nothing to check).</summary>
    private static async Task CheckWithinAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, byte[] wkb, AreaScope area, CancellationToken ct)
    {
        if (area.Root is not { } root) return;
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Regions.region_in_area"), conn, tx);
        cmd.Parameters.Add(new() { Value = wkb });
        cmd.Parameters.Add(new() { Value = root.Value });
        if (await cmd.ExecuteScalarAsync(ct) is not true)
            throw new RegionFault(RegionFault.OutsideArea, $"the region reaches outside your area ({root}); draw it within your area's outline");
    }

    /// <summary>
    /// A drawn outline must be valid as drawn: an invalid one (self-intersecting rings, overlapping
    /// parts, a hole outside its shell) is rejected with PostGIS's reason and location rather than
    /// repaired, because ST_MakeValid's repair is a different shape from the one the planner drew
    /// and would be counted and saved without them seeing it.
    /// </summary>
    public static async Task<RegionShape> JudgeAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, DrawnRegion drawn, RegionOptions options, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Regions.validate_region"), conn, tx);
        cmd.Parameters.Add(new() { Value = drawn.MultiPolygonJson });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        if (!r.GetBoolean(0))
        {
            var reason = r.GetString(1);
            var title = reason.Contains("Self-intersection", StringComparison.OrdinalIgnoreCase) ? RegionFault.SelfIntersecting : RegionFault.InvalidPolygon;
            throw new RegionFault(title, $"the outline is not a valid polygon: {reason}; redraw it without crossing edges or overlapping parts");
        }
        var area = r.GetDouble(2);
        if (r.IsDBNull(3) ? area > options.MaxAreaKm2 : area > r.GetDouble(3))
            throw new RegionFault(RegionFault.RegionTooLarge, r.IsDBNull(3)
                ? $"the region covers {area:N0} km², more than the {options.MaxAreaKm2:N0} km² allowed (Regions:MaxAreaKm2; no province has an outline to compare with)"
                : $"the region covers {area:N0} km², more than the largest province ({r.GetDouble(3):N0} km²)");
        if (area <= 0)
            throw new RegionFault(RegionFault.InvalidPolygon, "the outline encloses no area");
        return new RegionShape(new RegionSubject(RegionSubject.Drawn, null, null, null, RegionLevel.Region), r.GetFieldValue<byte[]>(5), area, r.GetInt32(4), drawn.Notes);
    }

    /// <summary>A saved region's outline as stored, when it was saved from within <paramref name="area"/> (null: any).</summary>
    public static async Task<RegionShape> SavedAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, long id, AreaScope? area, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT name, ST_AsBinary(geom), area_km2, ST_NPoints(geom), scope_code FROM watch_region WHERE region_id = $1", conn, tx);
        cmd.Parameters.Add(new() { Value = id });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct) || (area is { } a && !a.Covers(AreaScope.FromStored(r.IsDBNull(4) ? null : r.GetInt64(4)))))
            throw RegionFault.NotFound(RegionFault.UnknownRegion, $"no saved region from your area has id {id}");
        return new RegionShape(new RegionSubject(RegionSubject.Saved, id, null, r.GetString(0), RegionLevel.Region),
            r.GetFieldValue<byte[]>(1), r.GetDouble(2), r.GetInt32(3), []);
    }

    /// <summary>A unit's outline, judged with its own level's thresholds (a village outline as a village).</summary>
    private static async Task<RegionShape> UnitAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, UnitCode code, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT name, ST_AsBinary(geom), coalesce(area_km2, 0), coalesce(ST_NPoints(geom), 0) FROM admin_unit WHERE code = $1", conn, tx);
        cmd.Parameters.Add(new() { Value = code.Value });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) throw RegionFault.NotFound(RegionFault.UnknownUnit, $"no administrative unit has code {code}");
        if (r.IsDBNull(1))
            throw new RegionFault(RegionFault.UnitWithoutOutline, $"unit {code} ({r.GetString(0)}) has no outline yet; import its boundary first", StatusCodes.Status409Conflict);
        return new RegionShape(new RegionSubject(RegionSubject.Unit, null, code, r.GetString(0), RegionRuleOptions.LevelOf(code.Level)),
            r.GetFieldValue<byte[]>(1), r.GetDouble(2), r.GetInt32(3), []);
    }
}
