using System.Data;
using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;
using RiskMap.Server.Risk;
using RiskMap.Server.Statistics;

namespace RiskMap.Server.Regions;

/// <summary>A resettlement site inside a region, with its stored figures.</summary>
public sealed record SiteInside(long SiteId, string Name, long VillageCode, int Capacity, int RelocatedHouseholds, int RelocatedPeople,
    int LabourForce, int EmployedLabour, RegionFigures Figures, double Lon, double Lat);

/// <summary>Everything a region query answers: the region, its figures and zone, the units it touches, the sites inside.</summary>
public sealed record RegionReport(RegionShape Shape, RegionFigures Figures, RegionCoverage Coverage, IReadOnlyList<SiteInside> Sites, int HouseholdsTested);

/// <summary>
/// Answers region requests. Each runs in one read-only repeatable-read transaction, so the stored
/// figures of whole villages and the households tested one by one come from the same snapshot.
/// Each is asked from an area: only the units, sites and households of that area are counted and shown.
/// </summary>
public sealed class RegionQueries(NpgsqlDataSource db, VillageIncomeCache incomes, IOptions<RegionOptions> options, IOptions<RegionRuleOptions> rules)
{
    public async Task<RegionReport> ReportAsync(RegionSpec spec, AreaScope area, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await BeginReadAsync(conn, ct);
        var shape = await RegionShapes.ResolveAsync(conn, tx, spec, options.Value, area, ct);
        var coverage = await RegionCoverage.ReadAsync(conn, tx, shape.Wkb, ct, area);
        var count = await RegionFiguresQuery.ComputeAsync(conn, tx, shape.Wkb, coverage, incomes, SubjectKind.Region, shape.Subject.RegionId ?? 0, ct);
        count.Figures.Classify(shape.Subject.Level, rules.Value);
        var sites = (await SitesAsync(conn, tx, shape.Wkb, ct)).Where(s => area.Contains(s.VillageCode)).ToList();
        await tx.CommitAsync(ct);
        return new RegionReport(shape, count.Figures, coverage, sites, count.HouseholdsTested);
    }

    /// <summary>The region's figures as an export table, with the outlines of the region and the units it touches.</summary>
    public async Task<ExportTable> FiguresExportAsync(RegionSpec spec, AreaScope area, CancellationToken ct)
    {
        var report = await ReportAsync(spec, area, ct);
        await using var conn = await db.OpenConnectionAsync(ct);
        string regionJson;
        await using (var cmd = new NpgsqlCommand("SELECT ST_AsGeoJSON(ST_GeomFromWKB($1, 4326), 6)", conn))
        {
            cmd.Parameters.Add(new() { Value = report.Shape.Wkb });
            regionJson = (string)(await cmd.ExecuteScalarAsync(ct))!;
        }
        var outlines = new Dictionary<long, string>();
        await using (var cmd = new NpgsqlCommand(SqlFile.Load("Regions.unit_outlines"), conn))
        {
            cmd.Parameters.Add(new() { Value = report.Coverage.Units.Select(u => u.Code).ToArray() });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) outlines[r.GetInt64(0)] = r.GetString(1);
        }
        return RegionExports.Figures(report, regionJson, outlines);
    }

    /// <param name="spec">The region.</param>
    /// <param name="area">The asker's area: only its households are listed.</param>
    /// <param name="minLevel">Lowest warning level listed (0 lists every assessed household).</param>
    /// <param name="limit">Page size; null for the whole list, refused past <see cref="RegionOptions.MaxExportHouseholds"/>.</param>
    /// <param name="offset">Households skipped.</param>
    /// <param name="ct">Cancels the query.</param>
    public async Task<(RegionShape Shape, VisitPage Page)> HouseholdsAsync(RegionSpec spec, AreaScope area, int minLevel, int? limit, int offset, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await BeginReadAsync(conn, ct);
        var shape = await RegionShapes.ResolveAsync(conn, tx, spec, options.Value, area, ct);
        var coverage = await RegionCoverage.ReadAsync(conn, tx, shape.Wkb, ct, area);
        var max = options.Value.MaxExportHouseholds;
        // One more than the limit tells an export that is too large without reading all of it.
        var (total, households) = await RegionHouseholds.ReadAsync(conn, tx, shape.Wkb, coverage, minLevel, limit ?? max + 1, offset, ct);
        await tx.CommitAsync(ct);
        if (limit is null && total > max)
            throw new RegionFault(RegionFault.ExportTooLarge,
                $"the region holds {total:N0} households at level {minLevel} or above; an export takes at most {max:N0} (Regions:MaxExportHouseholds): raise minLevel or draw a smaller region");
        return (shape, new VisitPage(total, offset, limit ?? households.Count, minLevel, households));
    }

    /// <summary>
    /// A read-only snapshot. Parallel workers are turned off: each is a fresh backend that pays
    /// PostGIS's set-up (~100 ms measured) before its first point test, more than it saves here.
    /// </summary>
    private static async Task<NpgsqlTransaction> BeginReadAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using var cmd = new NpgsqlCommand("SET TRANSACTION READ ONLY; SET LOCAL max_parallel_workers_per_gather = 0", conn, tx);
        await cmd.ExecuteNonQueryAsync(ct);
        return tx;
    }

    private static async Task<List<SiteInside>> SitesAsync(NpgsqlConnection conn, NpgsqlTransaction tx, byte[] wkb, CancellationToken ct)
    {
        var sites = new List<SiteInside>();
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Regions.sites_inside"), conn, tx);
        cmd.Parameters.Add(new() { Value = wkb });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var id = r.GetInt64(0);
            sites.Add(new SiteInside(id, r.GetString(1), r.GetInt64(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7),
                FiguresColumns.ReadStored(r, 8, SubjectKind.Site, id), r.GetDouble(24), r.GetDouble(25)));
        }
        return sites;
    }
}
