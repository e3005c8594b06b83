namespace RiskMap.Server.Ingest;

/// <summary>Limits of the ingest API (section <c>Ingest</c>); validated at start-up.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Most items one batch may carry (JSON items or CSV data rows); a larger batch is refused with 413. Default 10,000.</summary>
    public int MaxBatchItems { get; set; } = 10_000;

    /// <summary>Largest request body in bytes; a larger one is refused with 413. Default 16 MiB (10,000 items of about 1 KB with room to spare).</summary>
    public long MaxRequestBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>
    /// Most households one area event may mark; an event covering more is refused with 422 (an
    /// area that large is a regional emergency for an import, not one request). Default 200,000
    /// (a few of Liangshan's counties).
    /// </summary>
    public int MaxEventHouseholds { get; set; } = 200_000;

    /// <summary>
    /// Most positions an event's outline may have, over all its rings (400 beyond). Default 100,000:
    /// a surveyed county outline has tens of thousands; more is a mistake or an attack, and
    /// repairing a huge self-intersecting outline would hold the database for minutes.
    /// </summary>
    public int MaxEventVertices { get; set; } = 100_000;

    /// <summary>Households per HouseholdWriter call when an event marks many; every call shares the event's one transaction. Default 2,000.</summary>
    public int WriteBatchSize { get; set; } = 2_000;

    /// <summary>
    /// statement_timeout inside an ingest transaction. The server's default (Database:StatementTimeout)
    /// guards interactive queries; an event over a county writes tens of thousands of households. Default 2 minutes.
    /// </summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxBatchItems < 1) errors.Add($"Ingest:{nameof(MaxBatchItems)} must be at least 1, was {MaxBatchItems}");
        if (MaxRequestBytes < 1024) errors.Add($"Ingest:{nameof(MaxRequestBytes)} must be at least 1024, was {MaxRequestBytes}");
        if (MaxEventHouseholds < 1) errors.Add($"Ingest:{nameof(MaxEventHouseholds)} must be at least 1, was {MaxEventHouseholds}");
        if (MaxEventVertices < 4) errors.Add($"Ingest:{nameof(MaxEventVertices)} must be at least 4, was {MaxEventVertices}");
        if (WriteBatchSize < 1) errors.Add($"Ingest:{nameof(WriteBatchSize)} must be at least 1, was {WriteBatchSize}");
        if (StatementTimeout < TimeSpan.Zero) errors.Add($"Ingest:{nameof(StatementTimeout)} must not be negative, was {StatementTimeout}");
        return errors;
    }
}
