namespace RiskMap.Server.Auth;

/// <summary>What a user may do (docs/security.md § Roles). Stored and sent as <see cref="Roles.Key"/>.</summary>
public enum Role
{
    /// <summary>领导: views the map, figures and alerts of their area; acknowledges alerts. No household data.</summary>
    Leader,
    /// <summary>规划分析人员: as a leader, plus households in scope, region queries and saved regions, exports.</summary>
    Planner,
    /// <summary>数据专员: as a planner without regions, plus ingest and imports in scope.</summary>
    DataOfficer,
    /// <summary>管理员: everything in scope, plus users, tokens and rules.</summary>
    Administrator,
}

/// <summary>Role keys and what each role allows.</summary>
public static class Roles
{
    public const string LeaderKey = "leader";
    public const string PlannerKey = "planner";
    public const string DataOfficerKey = "data-officer";
    public const string AdministratorKey = "administrator";

    public static readonly IReadOnlyList<string> Keys = [LeaderKey, PlannerKey, DataOfficerKey, AdministratorKey];

    public static string Key(this Role role) => role switch
    {
        Role.Leader => LeaderKey,
        Role.Planner => PlannerKey,
        Role.DataOfficer => DataOfficerKey,
        _ => AdministratorKey,
    };

    public static bool TryParse(string? key, out Role role)
    {
        role = Role.Leader;
        switch (key?.Trim().ToLowerInvariant().Replace('_', '-'))
        {
            case LeaderKey: role = Role.Leader; return true;
            case PlannerKey: role = Role.Planner; return true;
            case DataOfficerKey: role = Role.DataOfficer; return true;
            case AdministratorKey: role = Role.Administrator; return true;
            default: return false;
        }
    }

    /// <summary>Household-level data (ids, lists, household points, household alerts' ids): not for leaders and wall screens.</summary>
    public static bool SeesHouseholds(this Role role) => role is Role.Planner or Role.DataOfficer or Role.Administrator;

    /// <summary>Ingest and imports of household data.</summary>
    public static bool Ingests(this Role role) => role is Role.DataOfficer or Role.Administrator;

    /// <summary>Region queries and saved watch regions.</summary>
    public static bool Plans(this Role role) => role is Role.Planner or Role.Administrator;
}
