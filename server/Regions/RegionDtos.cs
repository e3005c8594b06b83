using System.Text.Json;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Statistics;
using RiskMap.Server.Units;

namespace RiskMap.Server.Regions;

/// <summary>What a region query answers (docs/api.md § Regions).</summary>
public sealed record RegionQueryDto(
    RegionInfoDto Region, IReadOnlyList<string> Notes, UnitFiguresDto Figures, string Zone, bool ScaleReturn,
    IReadOnlyList<TouchedUnitDto> Units, IReadOnlyList<SiteInsideDto> Sites, RegionMethodDto Method);

/// <summary>The region a query was about.</summary>
public sealed record RegionInfoDto(string Kind, long? RegionId, string? UnitCode, string? Name, double AreaKm2, int Vertices);

/// <summary>A county, township or village the region touches: <c>whole</c> or <c>partial</c>, with the unit's own figures.</summary>
public sealed record TouchedUnitDto(string Code, string Level, string Name, string Coverage, int Households, int Monitored,
    int Level1, int Level2, int Level3, double ShareAtLeastTwo, double ShareThree, WorkGapsDto WorkGaps, string Zone, bool ScaleReturn);

/// <summary>A resettlement site inside the region, with its own figures.</summary>
public sealed record SiteInsideDto(long SiteId, string Name, string VillageCode, double Lon, double Lat, int Capacity, int RelocatedHouseholds,
    int RelocatedPeople, int LabourForce, int EmployedLabour, int Households, int Level1, int Level2, int Level3, double ShareAtLeastTwo, string Zone);

/// <summary>How the figures were counted: villages summed from their stored figures, villages crossing the border, households tested one by one.</summary>
public sealed record RegionMethodDto(int VillagesWhole, int VillagesCrossing, int HouseholdsTested);

/// <summary>A saved watch region.</summary>
public sealed record WatchRegionDto(
    long RegionId, string Name, double AreaKm2, IReadOnlyList<WatchRule> Rules, UnitFiguresDto Figures, string Zone, bool ScaleReturn,
    long Version, DateTimeOffset? FiguresUpdatedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, JsonElement? Geometry, IReadOnlyList<string>? Notes);

/// <summary>One page of a region's visit list (入户排查).</summary>
public sealed record VisitPageDto(RegionInfoDto Region, int Total, int Offset, int Limit, int MinLevel, IReadOnlyList<VisitHousehold> Households);

/// <summary>Maps region results to the API's shapes.</summary>
public static class RegionDtos
{
    public static RegionQueryDto Report(RegionReport report)
    {
        var villages = report.Coverage.Units.Where(u => u.Level == UnitLevel.Village).ToList();
        return new RegionQueryDto(
            Info(report.Shape),
            report.Shape.Notes, Figures(report.Figures), report.Figures.Zone, report.Figures.ScaleReturn,
            report.Coverage.Units.Select(u => new TouchedUnitDto(
                new UnitCode(u.Code).ToString(), u.Level.ToString().ToLowerInvariant(), u.Name, u.Whole ? "whole" : "partial",
                u.Figures.Households, u.Figures.Monitored, u.Figures.Level1, u.Figures.Level2, u.Figures.Level3,
                Share(u.Figures.Level2 + u.Figures.Level3, u.Figures.Households), Share(u.Figures.Level3, u.Figures.Households),
                Gaps(u.Figures), u.Figures.Zone, u.Figures.ScaleReturn)).ToList(),
            report.Sites.Select(x => new SiteInsideDto(x.SiteId, x.Name, new UnitCode(x.VillageCode).ToString(), x.Lon, x.Lat, x.Capacity,
                x.RelocatedHouseholds, x.RelocatedPeople, x.LabourForce, x.EmployedLabour, x.Figures.Households, x.Figures.Level1, x.Figures.Level2,
                x.Figures.Level3, Share(x.Figures.Level2 + x.Figures.Level3, x.Figures.Households), x.Figures.Zone)).ToList(),
            new RegionMethodDto(villages.Count(v => v.Whole), villages.Count(v => !v.Whole), report.HouseholdsTested));
    }

    public static VisitPageDto VisitPage(RegionShape shape, VisitPage page) =>
        new(Info(shape), page.Total, page.Offset, page.Limit, page.MinLevel, page.Households);

    public static WatchRegionDto WatchRegion(WatchRegionRecord r, IReadOnlyList<string>? notes = null) => new(
        r.RegionId, r.Name, Math.Round(r.AreaKm2, 3), r.Rules, Figures(r.Figures), r.Figures.Zone, r.Figures.ScaleReturn, r.Figures.Version,
        r.FiguresUpdatedAt, r.CreatedAt, r.UpdatedAt,
        r.GeometryJson is null ? null : JsonDocument.Parse(r.GeometryJson).RootElement.Clone(), notes);

    /// <summary>Figures in the shape /api/units uses, so a region and a unit read alike.</summary>
    public static UnitFiguresDto Figures(RegionFigures f)
    {
        // Regions are for planners and administrators, who see households: nothing is withheld.
        var riskTypes = new Dictionary<string, int?>();
        for (var i = 0; i < f.RiskTypeCounts.Length; i++)
            if (f.RiskTypeCounts[i] != 0) riskTypes[RiskType.Keys[i]] = f.RiskTypeCounts[i];
        return new UnitFiguresDto(
            f.Households, f.Monitored, f.Level1, f.Level2, f.Level3, Share(f.Level2 + f.Level3, f.Households), Share(f.Level3, f.Households),
            new Dictionary<string, int?> { ["unstableFormerlyPoor"] = f.CategoryUnstable, ["marginalAtRisk"] = f.CategoryMarginal, ["suddenHardship"] = f.CategorySudden },
            riskTypes, f.Assisted, Share(f.Assisted, f.Monitored), Gaps(f), f.IncomeMedian);
    }

    private static RegionInfoDto Info(RegionShape shape)
    {
        var s = shape.Subject;
        return new RegionInfoDto(s.Kind, s.RegionId, s.UnitCode?.ToString(), s.Name, Math.Round(shape.AreaKm2, 3), shape.Vertices);
    }

    private static WorkGapsDto Gaps(RegionFigures f) => new(f.GapShouldMonitor, f.GapUnassisted, f.GapShouldExit);

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 6);
}
