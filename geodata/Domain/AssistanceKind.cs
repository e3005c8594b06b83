namespace RiskMap.Geodata.Domain;

/// <summary>The three assistance paths the seeds group measures into.</summary>
public enum AssistancePath
{
    /// <summary>兜底性: protective floor (dibao, 特困, insurance payouts).</summary>
    Floor,
    /// <summary>发展性: development (industry, employment, skills).</summary>
    Development,
    /// <summary>投资性: investment (housing, water, education, health infrastructure).</summary>
    Investment,
}

/// <summary>Assistance measures (帮扶措施) with stable keys, Chinese labels and their path.</summary>
public static class AssistanceKind
{
    public const string Industry = "industry";
    public const string Employment = "employment";
    public const string PublicWelfareJob = "public_welfare_job";
    public const string Finance = "finance";
    public const string Insurance = "insurance";
    public const string Health = "health";
    public const string Education = "education";
    public const string Housing = "housing";
    public const string Water = "water";
    public const string SocialProtection = "social_protection";
    public const string Pairing = "pairing";
    public const string RelocationFollowUp = "relocation_follow_up";

    public static readonly IReadOnlyDictionary<string, (string Label, AssistancePath Path)> All =
        new Dictionary<string, (string, AssistancePath)>
        {
            [Industry] = ("产业帮扶", AssistancePath.Development),
            [Employment] = ("就业帮扶", AssistancePath.Development),
            [PublicWelfareJob] = ("公益岗位", AssistancePath.Floor),
            [Finance] = ("金融帮扶(小额信贷)", AssistancePath.Development),
            [Insurance] = ("保险帮扶", AssistancePath.Floor),
            [Health] = ("健康帮扶", AssistancePath.Investment),
            [Education] = ("教育帮扶", AssistancePath.Investment),
            [Housing] = ("住房安全保障", AssistancePath.Investment),
            [Water] = ("饮水安全保障", AssistancePath.Investment),
            [SocialProtection] = ("综合保障(低保、特困)", AssistancePath.Floor),
            [Pairing] = ("社会帮扶(结对)", AssistancePath.Development),
            [RelocationFollowUp] = ("搬迁后续扶持", AssistancePath.Development),
        };

    public static bool IsKnown(string key) => All.ContainsKey(key);
}
