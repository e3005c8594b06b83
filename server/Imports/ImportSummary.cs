namespace RiskMap.Server.Imports;

/// <summary>
/// One problem with one row. <c>Line</c>: a CSV's 1-based line, or a GeoJSON feature's 0-based
/// index in <c>features</c>.
/// </summary>
public sealed record ImportRejectDto(int Line, string? Field, string Reason, string? Raw);

/// <summary>One repair an import made, at the same kind of position as a reject.</summary>
public sealed record ImportRepairDto(int Line, string Field, string Note);

/// <summary>
/// What an import did: rows (features) loaded as given, loaded after a repair, and rejected,
/// with the first rejects and repairs. <c>Repeat</c> is true when the same content had been
/// imported before: this is that earlier import's summary and nothing was written.
/// </summary>
public sealed record ImportSummary(
    long ImportId, string Kind, string Source, string ContentSha256, bool Repeat,
    int Loaded, int Repaired, int Rejected,
    long RejectCount, IReadOnlyList<ImportRejectDto> Rejects,
    long RepairCount, IReadOnlyList<ImportRepairDto> Repairs,
    IReadOnlyList<string> IgnoredColumns, DateTimeOffset StartedAt, DateTimeOffset FinishedAt);

/// <summary>
/// Who sends an import, from which area: rows outside the area are rejected, and the import is
/// seen (and recognised as a repeat) only within it. The CLI imports as the whole country.
/// </summary>
public sealed record ImportSender(string Actor, RiskMap.Server.Auth.AreaScope Area)
{
    public static ImportSender Cli => new($"cli:{Environment.UserName}", RiskMap.Server.Auth.AreaScope.Everywhere);
}

/// <summary>How far a running import is, reported after each batch.</summary>
public readonly record struct ImportProgress(int Loaded, int Rejected);

/// <summary>The kinds of import, as stored in import_batch.kind.</summary>
public static class ImportKind
{
    public const string Households = "households";
    public const string Boundaries = "boundaries";
}
