using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using RiskMap.Geodata.Importing;
using RiskMap.Server.Database;

namespace RiskMap.Server.Imports;

/// <summary>
/// Imports a boundaries GeoJSON: features that pass the file checks are staged, judged by
/// PostGIS (unknown unit, invalid geometry repaired with ST_MakeValid or rejected with
/// ST_IsValidReason), and replace their units' outlines, in one transaction with the rejects,
/// repairs and batch row. The same content imported again changes nothing.
/// </summary>
public sealed class BoundaryImporter(NpgsqlDataSource db, ImportQueries queries, IOptions<ImportOptions> options, TimeProvider time)
{
    /// <exception cref="ImportFileException">The file is unusable as a whole (not JSON, not a FeatureCollection, an unsupported CRS).</exception>
    public async Task<ImportSummary> RunAsync(ImportInput input, ImportSender sender, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            var (importId, repeat) = await ImportBatches.BeginAsync(conn, tx, ImportKind.Boundaries, input, sender, options.Value, time.GetUtcNow(), ct);
            if (repeat) return (await queries.SummaryAsync(conn, tx, importId, repeat: true, sender.Area, ct))!;

            BoundaryFile file;
            await using (var stream = input.OpenRead()) file = BoundaryGeoJson.Read(stream);
            // Nobody redraws units outside their own area.
            var outside = file.Features.Where(f => !sender.Area.Contains(f.Code)).ToList();
            if (outside.Count > 0)
                file = file with
                {
                    Features = file.Features.Except(outside).ToList(),
                    Rejects = [.. file.Rejects, .. outside.Select(f => new ImportReject(f.Index, "code", $"unit {f.Code} is outside your area ({sender.Area})", null))],
                };

            await ExecuteAsync(conn, tx, SqlFile.Load("Imports.create_boundary_incoming"), ct);
            await StageAsync(conn, file.Features, ct);
            await ExecuteAsync(conn, tx, SqlFile.Load("Imports.judge_boundaries"), ct);
            var (rejects, repairs, rejectedInDb, repairedInDb) = await ReadJudgementsAsync(conn, tx, ct);
            await using (var apply = new NpgsqlCommand(SqlFile.Load("Imports.apply_boundaries"), conn, tx))
            {
                apply.Parameters.Add(new() { Value = time.GetUtcNow() });
                await apply.ExecuteNonQueryAsync(ct);
            }

            await ImportBatches.WriteRejectsAsync(conn, importId, [.. file.Rejects, .. rejects], ct);
            await ImportBatches.WriteRepairsAsync(conn, importId, repairs, ct);
            var rejected = file.Rejects.Select(r => r.Line).Distinct().Count() + rejectedInDb;
            var loaded = file.Features.Count - rejectedInDb - repairedInDb;
            await ImportBatches.FinishAsync(conn, tx, importId, time.GetUtcNow(), loaded, repairedInDb, rejected, [], ct);
            await tx.CommitAsync(ct);
            return (await queries.SummaryAsync(conn, null, importId, repeat: false, sender.Area, ct))!;
        }
    }

    private static async Task StageAsync(NpgsqlConnection conn, IReadOnlyList<BoundaryFeature> features, CancellationToken ct)
    {
        await using var copy = await conn.BeginBinaryImportAsync(
            "COPY boundary_incoming (idx, code, schematic, geojson, notes, raw) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var f in features)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(f.Index, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(f.Code.Value, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(f.Schematic, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(f.MultiPolygonJson, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(f.Notes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await copy.WriteAsync(f.Raw.Replace('\0', '\uFFFD'), NpgsqlDbType.Text, ct);
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>The rejects and repairs PostGIS decided on, and how many features of each.</summary>
    private static async Task<(List<ImportReject>, List<ImportRepairDto>, int Rejected, int Repaired)> ReadJudgementsAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        var rejects = new List<ImportReject>();
        var repairs = new List<ImportRepairDto>();
        int rejected = 0, repaired = 0;
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Imports.judged_boundaries"), conn, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var index = r.GetInt32(0);
            var reason = r.IsDBNull(3) ? null : r.GetString(3);
            if (r.GetString(1) == "rejected")
            {
                rejected++;
                rejects.Add(new ImportReject(index, r.GetString(2), reason!, r.IsDBNull(5) ? null : r.GetString(5)));
                continue;
            }
            repaired++;
            foreach (var note in r.GetFieldValue<string[]>(4)) repairs.Add(new ImportRepairDto(index, "geometry", note));
            if (reason is not null) repairs.Add(new ImportRepairDto(index, "geometry", reason));
        }
        return (rejects, repairs, rejected, repaired);
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
