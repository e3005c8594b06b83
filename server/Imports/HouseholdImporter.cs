using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Importing;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;
using RiskMap.Server.Households;

namespace RiskMap.Server.Imports;

/// <summary>
/// Imports a households CSV: parses it row by row, writes the good rows through
/// <see cref="HouseholdWriter"/> in batches and the bad ones to import_reject, all in one
/// transaction, so a crash or a cancellation leaves the old data and the new never half.
/// The same content imported again returns the first import's summary and writes nothing.
/// </summary>
public sealed class HouseholdImporter(
    NpgsqlDataSource db, HouseholdWriter writer, ImportQueries queries, IOptions<ImportOptions> options, TimeProvider time)
{
    /// <exception cref="ImportFileException">The file is unusable as a whole; nothing was written.</exception>
    public async Task<ImportSummary> RunAsync(ImportInput input, ImportSender sender, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var o = options.Value;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            var (importId, repeat) = await ImportBatches.BeginAsync(conn, tx, ImportKind.Households, input, sender, o, time.GetUtcNow(), ct);
            if (repeat) return (await queries.SummaryAsync(conn, tx, importId, repeat: true, sender.Area, ct))!;

            var references = await HouseholdLookups.ReferencesAsync(conn, tx, null, null, ct);
            using var text = input.OpenText();
            var (loaded, rejected, ignored) = await LoadRowsAsync(conn, tx, importId, text, references, sender.Area, o.BatchSize, progress, ct);
            await ImportBatches.FinishAsync(conn, tx, importId, time.GetUtcNow(), loaded, 0, rejected, ignored, ct);
            await tx.CommitAsync(ct);
            return (await queries.SummaryAsync(conn, null, importId, repeat: false, sender.Area, ct))!;
        }
    }

    private async Task<(int Loaded, int Rejected, IReadOnlyList<string> Ignored)> LoadRowsAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, long importId, TextReader text, HouseholdReferences references, AreaScope area,
        int batchSize, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var loaded = 0;
        var rejected = 0;
        var households = new List<HouseholdRow>(batchSize);
        var rejects = new List<ImportReject>();
        try
        {
            var parser = HouseholdCsvParser.Open(text, references);
            while (true)
            {
                var row = parser.Next();
                if (row?.Household is not null) households.Add(row);
                else if (row is not null)
                {
                    rejected++;
                    rejects.AddRange(row.Rejects);
                }
                if (row is not null && households.Count < batchSize && rejects.Count < batchSize) continue;

                var outside = HouseholdLookups.OutsideArea(households, "village_code", area);
                var outsideLines = outside.Select(e => e.Line).ToHashSet();
                households.RemoveAll(r => outsideLines.Contains(r.Line));
                var elsewhere = await HouseholdLookups.RegisteredInOtherCountiesAsync(conn, tx, households, "village_code", area, ct);
                elsewhere.AddRange(outside);
                rejected += elsewhere.Count;
                rejects.AddRange(elsewhere);
                var elsewhereLines = elsewhere.Select(e => e.Line).ToHashSet();
                var accepted = households.Where(r => !elsewhereLines.Contains(r.Line)).Select(r => r.Household!).ToList();
                await writer.UpsertAsync(conn, tx, accepted, ct);
                await ImportBatches.WriteRejectsAsync(conn, importId, rejects, ct);
                loaded += accepted.Count;
                households.Clear();
                rejects.Clear();
                progress?.Report(new ImportProgress(loaded, rejected));
                if (row is null) return (loaded, rejected, parser.IgnoredColumns);
            }
        }
        catch (DecoderFallbackException)
        {
            // Chinese spreadsheets save CSV as GBK/GB18030 unless told otherwise.
            throw new ImportFileException("the file is not UTF-8 text (GBK/GB18030?): save it as \"CSV UTF-8\" and import it again");
        }
    }
}
