using RiskMap.Geodata.Domain;

namespace RiskMap.Geodata.Households;

/// <summary>A relocation resettlement site (易地扶贫搬迁集中安置点) and the people it holds.</summary>
public sealed record ResettlementSite
{
    /// <summary>Stable id: the 6-digit county code followed by a 4-digit serial.</summary>
    public required long SiteId { get; init; }
    public required string Name { get; init; }
    public required UnitCode CountyCode { get; init; }
    /// <summary>The village or community the site stands in.</summary>
    public required UnitCode VillageCode { get; init; }
    public required double Lon { get; init; }
    public required double Lat { get; init; }
    public required int CapacityHouseholds { get; init; }
    public required int RelocatedHouseholds { get; init; }
    public required int RelocatedPeople { get; init; }
    public required int LabourForce { get; init; }
    public required int EmployedLabour { get; init; }
    /// <summary>Follow-up support in place (后续扶持), keys from <see cref="FollowUpKinds"/>.</summary>
    public IReadOnlyList<string> FollowUp { get; init; } = [];
    /// <summary>true for the large sites in county towns (城镇安置区).</summary>
    public bool InCountyTown { get; init; }
}

/// <summary>Keys of follow-up support at resettlement sites (后续扶持).</summary>
public static class FollowUpKinds
{
    public const string Employment = "employment";
    public const string Industry = "industry";
    public const string CommunityServices = "community_services";
    public const string SkillsTraining = "skills_training";
    public const string PublicWelfareJobs = "public_welfare_jobs";
    public const string Schooling = "schooling";

    public static readonly IReadOnlyList<string> All = [Employment, Industry, CommunityServices, SkillsTraining, PublicWelfareJobs, Schooling];
}
