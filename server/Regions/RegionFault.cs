namespace RiskMap.Server.Regions;

/// <summary>
/// Something wrong with a region request that the client can fix: becomes a problem-details
/// response with <see cref="Title"/> naming the fault and the message saying what was wrong.
/// Thrown before anything is written, so a rejected request stores nothing.
/// </summary>
public sealed class RegionFault(string title, string detail, int status = StatusCodes.Status400BadRequest) : Exception(detail)
{
    public string Title { get; } = title;
    public int Status { get; } = status;

    public const string InvalidJson = "Invalid JSON";
    public const string NotAPolygon = "Not a polygon";
    public const string CoordinatesOutOfRange = "Coordinates out of range";
    public const string TooManyVertices = "Too many vertices";
    public const string SelfIntersecting = "Self-intersecting polygon";
    public const string InvalidPolygon = "Invalid polygon";
    public const string RegionTooLarge = "Region too large";
    public const string UnsupportedCrs = "Unsupported CRS";
    public const string InvalidRequest = "Invalid region request";
    public const string InvalidUnitCode = "Invalid unit code";
    public const string InvalidName = "Invalid name";
    public const string InvalidRule = "Invalid alert rule";
    public const string InvalidPage = "Invalid page";
    public const string ExportTooLarge = "Export too large";
    public const string RequestTooLarge = "Request too large";
    public const string UnknownRegion = "Unknown region";
    public const string UnknownUnit = "Unknown unit";
    public const string UnitWithoutOutline = "Unit has no outline";
    public const string OutsideArea = "Region outside your area";

    public static RegionFault NotFound(string title, string detail) => new(title, detail, StatusCodes.Status404NotFound);
}
