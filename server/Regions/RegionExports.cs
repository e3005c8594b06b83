using System.Globalization;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Statistics;

namespace RiskMap.Server.Regions;

/// <summary>
/// The exports of a region query as tables with Chinese headers: its figures (the region, then
/// each unit it touches, then each site inside) and its visit list (入户排查).
/// </summary>
public static class RegionExports
{
    private static readonly string[] FigureHeaders =
    [
        "范围", "代码", "名称", "覆盖", "户数", "监测户数", "轻警(I级)户数", "中警(II级)户数", "高警(III级)户数",
        "中警及以上占比", "高警占比", "脱贫不稳定户", "边缘易致贫户", "突发严重困难户", "已帮扶监测户", "帮扶覆盖率",
        "应纳未纳", "应帮未帮", "应退未退", "人均纯收入中位数(元)", "分区", "规模性返贫",
        .. RiskType.Keys.Select(k => RiskType.Labels[k] + "户数"),
    ];

    private static readonly string[] HouseholdHeaders =
        ["户编号", "村代码", "村名称", "预警等级", "风险分", "监测类别", "监测状态", "工作缺口", "预警原因", "上次入户走访", "经度", "纬度"];

    /// <param name="report">The region query's answer.</param>
    /// <param name="regionJson">The region's outline as GeoJSON.</param>
    /// <param name="unitOutlines">Outlines (GeoJSON) of the touched units, by code; missing ones export without geometry.</param>
    public static ExportTable Figures(RegionReport report, string regionJson, IReadOnlyDictionary<long, string> unitOutlines)
    {
        var subject = report.Shape.Subject;
        var rows = new List<ExportRow>
        {
            new(FigureCells(SubjectText(subject), subject.RegionId?.ToString() ?? subject.UnitCode?.ToString() ?? "", subject.Name ?? "绘制区域", "", report.Figures), regionJson),
        };
        foreach (var u in report.Coverage.Units)
            rows.Add(new ExportRow(FigureCells(LevelText(u.Level), new UnitCode(u.Code).ToString(), u.Name, u.Whole ? "全部" : "部分", u.Figures),
                unitOutlines.GetValueOrDefault(u.Code)));
        foreach (var s in report.Sites)
            rows.Add(new ExportRow(FigureCells("安置点", s.SiteId.ToString(), s.Name, "全部", s.Figures),
                PointJson(s.Lon, s.Lat)));
        return new ExportTable(FigureHeaders, rows);
    }

    public static ExportTable Households(IReadOnlyList<VisitHousehold> households) => new(HouseholdHeaders, households.Select(h => new ExportRow(
    [
        h.HouseholdId, h.VillageCode, h.VillageName, LevelName(h.Level), h.Score, CategoryText(h.Category), MonitoringText(h.Monitoring),
        string.Join("、", h.WorkGaps.Select(GapText)), string.Join("；", h.Reasons.Select(r => r.Zh)), h.LastVisitOn, h.Lon, h.Lat,
    ], PointJson(h.Lon, h.Lat))).ToList());

    private static string PointJson(double lon, double lat) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"type\":\"Point\",\"coordinates\":[{lon:R},{lat:R}]}}");

    private static object?[] FigureCells(string scope, string code, string name, string coverage, RegionFigures f)
    {
        var c = f.Counts;
        return
        [
            scope, code, name, coverage, f.Households, f.Monitored, f.Level1, f.Level2, f.Level3,
            Math.Round(c.ShareAtLeastTwo, 6), Math.Round(c.ShareThree, 6), f.CategoryUnstable, f.CategoryMarginal, f.CategorySudden,
            f.Assisted, f.Monitored == 0 ? 0 : Math.Round((double)f.Assisted / f.Monitored, 6),
            f.GapShouldMonitor, f.GapUnassisted, f.GapShouldExit, f.IncomeMedian, ZoneText(f.Zone), f.ScaleReturn,
            .. f.RiskTypeCounts.Cast<object?>(),
        ];
    }

    private static string SubjectText(RegionSubject s) => s.Kind switch
    {
        RegionSubject.Saved => "监测区域",
        RegionSubject.Unit => LevelText(s.UnitCode!.Value.Level),
        _ => "绘制区域",
    };

    private static string LevelText(UnitLevel level) => level switch
    {
        UnitLevel.Province => "省",
        UnitLevel.Prefecture => "市(州)",
        UnitLevel.County => "县(区)",
        UnitLevel.Township => "乡(镇)",
        _ => "村",
    };

    private static string ZoneText(string zone) => zone switch { "red" => "红灯区", "yellow" => "黄灯区", _ => "绿灯区" };

    private static string LevelName(int level) => level switch { 1 => "I级(轻警)", 2 => "II级(中警)", 3 => "III级(高警)", _ => "无预警" };

    private static string CategoryText(string? category) => category switch
    {
        "unstableFormerlyPoor" => "脱贫不稳定户",
        "marginalAtRisk" => "边缘易致贫户",
        "suddenHardship" => "突发严重困难户",
        _ => "",
    };

    private static string MonitoringText(string monitoring) => monitoring switch
    {
        nameof(MonitoringStatus.Monitored) => "纳入监测",
        nameof(MonitoringStatus.RiskEliminated) => "风险消除",
        _ => "未纳入监测",
    };

    private static string GapText(string gap) => gap switch { "shouldMonitor" => "应纳未纳", "unassisted" => "应帮未帮", _ => "应退未退" };
}
