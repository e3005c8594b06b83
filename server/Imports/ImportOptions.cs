namespace RiskMap.Server.Imports;

/// <summary>Limits and batch sizes of imports (section <c>Imports</c>).</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Households written per HouseholdWriter call; all batches share the import's one transaction.</summary>
    public int BatchSize { get; set; } = 5_000;

    /// <summary>Largest upload accepted over HTTP, in bytes (a province register is a few hundred MB).</summary>
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Rejects and repairs listed in a summary; the rest are paged from GET /api/imports/{id}/rejects.</summary>
    public int SummaryListLength { get; set; } = 100;

    /// <summary>
    /// statement_timeout inside an import's transaction. The server's default (Database:StatementTimeout)
    /// guards interactive queries; judging and applying a province's boundaries takes longer.
    /// </summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
