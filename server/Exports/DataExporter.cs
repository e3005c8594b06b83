using System.Text;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;

namespace RiskMap.Server.Exports;

/// <summary>The files an export wrote and the features or rows in each.</summary>
public sealed record ExportSummary(IReadOnlyList<(string File, long Count)> Files);

/// <summary>
/// Writes what the database holds as files anyone can open in QGIS or check on their own:
/// counties, townships, villages and sites as GeoJSON (EPSG:4326) and households as CSV in the
/// import's own columns, so an export imports back unchanged. Read in one repeatable-read
/// transaction, so the five files agree with each other.
/// </summary>
public sealed class DataExporter(NpgsqlDataSource db)
{
    private static readonly (string File, UnitLevel Level)[] UnitFiles =
        [("counties.geojson", UnitLevel.County), ("townships.geojson", UnitLevel.Township), ("villages.geojson", UnitLevel.Village)];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    // Excel and WPS, which data officers open CSV with, read UTF-8 only after a byte-order mark;
    // QGIS, pandas and the households import skip it.
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public async Task<ExportSummary> WriteAsync(string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        // A CLI export of a province reads millions of rows; the server's interactive timeout does not fit it.
        await using (var timeout = new NpgsqlCommand("SET LOCAL statement_timeout = 0", conn, tx)) await timeout.ExecuteNonQueryAsync(ct);
        var files = new List<(string, long)>();
        foreach (var (file, level) in UnitFiles)
            files.Add((file, await WriteFeaturesAsync(conn, tx, SqlFile.Load("Exports.unit_features"), (short)level, Path.Combine(directory, file), ct)));
        files.Add(("sites.geojson", await WriteFeaturesAsync(conn, tx, SqlFile.Load("Exports.site_features"), null, Path.Combine(directory, "sites.geojson"), ct)));
        await using (var w = new StreamWriter(Path.Combine(directory, "households.csv"), false, Utf8WithBom))
            files.Add(("households.csv", await WriteHouseholdsAsync(conn, tx, w, AreaScope.Everywhere, ct)));
        await tx.CommitAsync(ct);
        return new ExportSummary(files);
    }

    /// <summary>
    /// The households of <paramref name="area"/> as households.csv (UTF-8 with a byte-order mark) to
    /// <paramref name="output"/>, read in one snapshot; returns how many.
    /// </summary>
    public async Task<long> WriteHouseholdsAsync(Stream output, AreaScope area, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var w = new StreamWriter(output, Utf8WithBom, 64 * 1024, leaveOpen: true);
        var count = await WriteHouseholdsAsync(conn, tx, w, area, ct);
        await w.FlushAsync(ct);
        await tx.CommitAsync(ct);
        return count;
    }

    private static async Task<long> WriteFeaturesAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, string sql, short? level, string path, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        if (level is { } l) cmd.Parameters.Add(new() { Value = l });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await using var w = new StreamWriter(path, false, Utf8);
        // RFC 7946 GeoJSON is EPSG:4326 by definition; no crs member.
        await w.WriteAsync("{\"type\":\"FeatureCollection\",\"features\":[");
        long count = 0;
        while (await r.ReadAsync(ct))
        {
            await w.WriteAsync(count++ == 0 ? "\n" : ",\n");
            await w.WriteAsync(r.GetString(0));
        }
        await w.WriteAsync("\n]}\n");
        return count;
    }

    private static async Task<long> WriteHouseholdsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, TextWriter w, AreaScope area, CancellationToken ct)
    {
        long count;
        await using (var setArea = new NpgsqlCommand(SqlFile.Load("Exports.export_area"), conn, tx))
        {
            setArea.Parameters.Add(new() { Value = area.First });
            setArea.Parameters.Add(new() { Value = area.Last });
            await using var r = await setArea.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            count = r.GetInt64(2);
        }
        // Npgsql wants the text to start with COPY: drop the file's leading comment.
        var sql = string.Join('\n', SqlFile.Load("Exports.households_csv").Split('\n').SkipWhile(l => l.StartsWith("--")));
        using var reader = await conn.BeginTextExportAsync(sql, ct);
        var buffer = new char[64 * 1024];
        int n;
        while ((n = await reader.ReadAsync(buffer, ct)) > 0) await w.WriteAsync(buffer.AsMemory(0, n), ct);
        return count;
    }
}
