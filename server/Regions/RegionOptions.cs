using System.ComponentModel.DataAnnotations;

namespace RiskMap.Server.Regions;

/// <summary>Limits of drawn regions and their household lists (section <c>Regions</c> of appsettings.json).</summary>
public sealed class RegionOptions : IValidatableObject
{
    public const string Section = "Regions";

    /// <summary>
    /// Most positions a drawn region may have over all its rings. A hand-drawn outline has tens
    /// to hundreds; a traced river valley a few thousand. Bounds the request and the PostGIS work.
    /// </summary>
    [Range(4, 1_000_000)]
    public int MaxVertices { get; set; } = 10_000;

    /// <summary>
    /// Largest area (km²) a region may have when no province in the database has an outline to
    /// compare with; with one, the largest province's area is the limit. 500,000 km² is about
    /// Sichuan (486,000 km²).
    /// </summary>
    [Range(1, 20_000_000)]
    public double MaxAreaKm2 { get; set; } = 500_000;

    /// <summary>Largest request body (bytes) the region endpoints read; a region of MaxVertices positions is well under 1 MB.</summary>
    [Range(1_024, 256L << 20)]
    public long MaxRequestBytes { get; set; } = 8L << 20;

    /// <summary>Households per page of the visit list when the request names no limit.</summary>
    [Range(1, 10_000)]
    public int DefaultPageSize { get; set; } = 100;

    /// <summary>Most households per page of the visit list.</summary>
    [Range(1, 10_000)]
    public int MaxPageSize { get; set; } = 1_000;

    /// <summary>Most households in one CSV or GeoJSON export of the visit list (a larger list asks for a smaller region or a higher level).</summary>
    [Range(1, 10_000_000)]
    public int MaxExportHouseholds { get; set; } = 200_000;

    /// <summary>
    /// Most household incomes kept between region queries for medians (VillageIncomeCache), 4 bytes
    /// each: 20 M ≈ 80 MB, twice a province of 10 M households.
    /// </summary>
    [Range(0, 1_000_000_000)]
    public long IncomeCacheHouseholds { get; set; } = 20_000_000;

    /// <summary>Most alert rules one watch region may carry.</summary>
    [Range(0, 100)]
    public int MaxRulesPerRegion { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DefaultPageSize > MaxPageSize)
            yield return new ValidationResult($"Regions:DefaultPageSize ({DefaultPageSize}) must not exceed Regions:MaxPageSize ({MaxPageSize})", [nameof(DefaultPageSize)]);
    }
}
