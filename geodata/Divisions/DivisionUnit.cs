using RiskMap.Geodata.Domain;

namespace RiskMap.Geodata.Divisions;

/// <summary>One row of the 2023 statistical division codes (统计用区划代码).</summary>
public sealed record DivisionUnit(UnitCode Code, UnitLevel Level, string Name, UnitCode? ParentCode)
{
    /// <summary>
    /// An urban unit: a sub-district (街道), a residents' committee (社区/居委会; village codes
    /// 001–199 are residents' committees in the statistical code rules) or an urban district (区).
    /// Urban units are drawn smaller and denser.
    /// </summary>
    public bool IsUrban => Level switch
    {
        UnitLevel.Township => Code.Value % 1_000_000 / 1_000 < 100 || Name.EndsWith("街道", StringComparison.Ordinal),
        UnitLevel.Village => Code.Value % 1_000 < 200 || Name.Contains("社区", StringComparison.Ordinal),
        UnitLevel.County => Name.EndsWith('区'),
        _ => false,
    };
}

/// <summary>An approximate county-seat position (WGS 84) and how it was obtained.</summary>
public sealed record CountySeat(UnitCode County, double Lon, double Lat, string Method)
{
    /// <summary>true when the seat is not in county_seats.csv and was placed by the generator.</summary>
    public bool IsPlaced => Method == PlacedMethod;

    public const string PlacedMethod = "placed_by_generator";
}
