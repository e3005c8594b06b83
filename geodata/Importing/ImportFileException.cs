namespace RiskMap.Geodata.Importing;

/// <summary>
/// The input is unusable as a whole (not UTF-8, no header, a required column missing, an
/// unsupported CRS, …): nothing of it is loaded, and the message says what to fix.
/// </summary>
public sealed class ImportFileException(string message) : Exception(message);

/// <summary>
/// One problem with one row (CSV: its 1-based line; GeoJSON: the feature's 0-based index in
/// <c>features</c>): the field at fault, why, and the row's text as given.
/// </summary>
public sealed record ImportReject(int Line, string? Field, string Reason, string? Raw);
