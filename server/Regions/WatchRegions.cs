using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;
using RiskMap.Server.Statistics;

namespace RiskMap.Server.Regions;

/// <summary>A saved watch region with its rules and stored figures; the outline only when asked for one region.</summary>
public sealed record WatchRegionRecord(
    long RegionId, string Name, double AreaKm2, IReadOnlyList<WatchRule> Rules, RegionFigures Figures,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FiguresUpdatedAt, string? GeometryJson);

/// <summary>
/// Saved watch regions (watch_region, watch_region_rule): create, rename, delete, list, get. A new
/// region's outline is judged like a drawn query's and its figures are stored before it is
/// returned; a rejected request stores nothing. A region belongs to the area it was saved from:
/// seen, renamed and deleted from within that area only (elsewhere it is unknown).
/// </summary>
public sealed class WatchRegions(NpgsqlDataSource db, WatchRegionFigures figures, IOptions<RegionOptions> options, TimeProvider time)
{
    /// <exception cref="RegionFault">A bad name, rule or outline.</exception>
    public async Task<(WatchRegionRecord Region, IReadOnlyList<string> Notes)> CreateAsync(
        string? name, RegionSpec spec, IReadOnlyList<WatchRule> rules, string createdBy, AreaScope area, CancellationToken ct)
    {
        var cleanName = CheckName(name);
        if (rules.Count > options.Value.MaxRulesPerRegion)
            throw new RegionFault(RegionFault.InvalidRule, $"a region takes at most {options.Value.MaxRulesPerRegion} rules (Regions:MaxRulesPerRegion), not {rules.Count}");
        for (var i = 0; i < rules.Count; i++)
            if (rules[i].Problem() is { } problem) throw new RegionFault(RegionFault.InvalidRule, $"rule {i}: {problem}");
        if (spec is SavedRegion)
            throw new RegionFault(RegionFault.InvalidRequest, "a saved region is made from a drawn geometry or a unitCode, not from another regionId");

        await using var conn = await db.OpenConnectionAsync(ct);
        long id;
        RegionShape shape;
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            shape = await RegionShapes.ResolveAsync(conn, tx, spec, options.Value, area, ct);
            await using (var insert = new NpgsqlCommand(SqlFile.Load("Regions.insert_region"), conn, tx))
            {
                insert.Parameters.Add(new() { Value = cleanName });
                insert.Parameters.Add(new() { Value = shape.Wkb });
                insert.Parameters.Add(new() { Value = shape.AreaKm2 });
                insert.Parameters.Add(new() { Value = time.GetUtcNow() });
                insert.Parameters.Add(new() { Value = createdBy });
                insert.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = area.Root?.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
                id = (long)(await insert.ExecuteScalarAsync(ct))!;
            }
            await InsertRulesAsync(conn, tx, id, rules, ct);
            await figures.RefreshAsync(conn, tx, [id], ct);
            await tx.CommitAsync(ct);
        }
        // A household write that committed while this region was being saved did not see it, so
        // did not refresh it: once more, now that every later write will.
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            await figures.RefreshAsync(conn, tx, [id], ct);
            await tx.CommitAsync(ct);
        }
        return ((await ReadAsync(conn, id, withGeometry: true, AreaScope.Everywhere, ct)).Single(), shape.Notes);
    }

    /// <returns>The renamed region, or null when there is none with <paramref name="id"/>.</returns>
    public async Task<WatchRegionRecord?> RenameAsync(long id, string? name, AreaScope area, CancellationToken ct)
    {
        var cleanName = CheckName(name);
        if (await GetAsync(id, area, ct) is null) return null;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using (var cmd = new NpgsqlCommand("UPDATE watch_region SET name = $2, updated_at = $3 WHERE region_id = $1", conn))
        {
            cmd.Parameters.Add(new() { Value = id });
            cmd.Parameters.Add(new() { Value = cleanName });
            cmd.Parameters.Add(new() { Value = time.GetUtcNow() });
            if (await cmd.ExecuteNonQueryAsync(ct) == 0) return null;
        }
        return (await ReadAsync(conn, id, withGeometry: false, area, ct)).SingleOrDefault();
    }

    /// <returns>False when there is no region with <paramref name="id"/> from <paramref name="area"/>.</returns>
    public async Task<bool> DeleteAsync(long id, AreaScope area, CancellationToken ct)
    {
        if (await GetAsync(id, area, ct) is null) return false;
        await using var cmd = db.CreateCommand(SqlFile.Load("Regions.delete_region"));
        cmd.Parameters.Add(new() { Value = id });
        return (int)(await cmd.ExecuteScalarAsync(ct))! > 0;
    }

    public async Task<IReadOnlyList<WatchRegionRecord>> ListAsync(AreaScope area, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await ReadAsync(conn, null, withGeometry: false, area, ct);
    }

    public async Task<WatchRegionRecord?> GetAsync(long id, AreaScope area, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await ReadAsync(conn, id, withGeometry: true, area, ct)).SingleOrDefault();
    }

    private static async Task<List<WatchRegionRecord>> ReadAsync(NpgsqlConnection conn, long? id, bool withGeometry, AreaScope area, CancellationToken ct)
    {
        var rows = new List<(long Id, string Name, double Area, DateTimeOffset Created, DateTimeOffset Updated, string? Geometry, RegionFigures Figures, DateTimeOffset? At)>();
        await using (var cmd = new NpgsqlCommand(SqlFile.Load("Regions.watch_regions"), conn))
        {
            cmd.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = id, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
            cmd.Parameters.Add(new() { Value = withGeometry });
            cmd.Parameters.Add(new() { Value = area.IsEverywhere });
            cmd.Parameters.Add(new() { Value = area.First });
            cmd.Parameters.Add(new() { Value = area.Last });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var regionId = r.GetInt64(0);
                var f = FiguresColumns.ReadStored(r, 6, SubjectKind.Region, regionId);
                f.Version = r.GetInt64(22);
                rows.Add((regionId, r.GetString(1), r.GetDouble(2), r.GetFieldValue<DateTimeOffset>(3), r.GetFieldValue<DateTimeOffset>(4),
                    r.IsDBNull(5) ? null : r.GetString(5), f, r.IsDBNull(23) ? null : r.GetFieldValue<DateTimeOffset>(23)));
            }
        }
        var rules = await WatchRegionFigures.RulesAsync(conn, null, rows.Select(x => x.Id).ToArray(), ct);
        return rows.Select(x => new WatchRegionRecord(x.Id, x.Name, x.Area, rules.TryGetValue(x.Id, out var list) ? list : [], x.Figures,
            x.Created, x.Updated, x.At, x.Geometry)).ToList();
    }

    private static async Task InsertRulesAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long id, IReadOnlyList<WatchRule> rules, CancellationToken ct)
    {
        if (rules.Count == 0) return;
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Regions.insert_rules"), conn, tx);
        cmd.Parameters.Add(new() { Value = id });
        cmd.Parameters.Add(new() { Value = rules.Select(r => r.Metric).ToArray() });
        cmd.Parameters.Add(new() { Value = rules.Select(r => r.RaiseThreshold).ToArray() });
        cmd.Parameters.Add(new() { Value = rules.Select(r => r.ClearThreshold).ToArray() });
        cmd.Parameters.Add(new() { Value = rules.Select(r => r.MinimumHouseholds).ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string CheckName(string? name)
    {
        var clean = name?.Trim();
        if (string.IsNullOrEmpty(clean) || clean.Length > 200 || clean.Any(char.IsControl))
            throw new RegionFault(RegionFault.InvalidName, "name must be 1 to 200 characters without control characters");
        return clean;
    }
}
