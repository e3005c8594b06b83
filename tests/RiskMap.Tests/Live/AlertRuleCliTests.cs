using RiskMap.Server.Cli;
using RiskMap.Tests.Infrastructure;

namespace RiskMap.Tests.Live;

public sealed class AlertRuleCliTests
{
    [Fact]
    public async Task Rules_set_from_the_command_line_are_in_force_shown_and_kept_and_a_bad_one_is_refused_naming_it()
    {
        await using var db = await TestPostgis.CreateDatabaseAsync();
        await TestUnits.InsertAsync(db);
        var env = new Dictionary<string, string> { ["ConnectionStrings__RiskMap"] = db.ConnectionString };

        var set = await ServerProcess.RunVerbAsync(env, "rules", "set", "minimumHouseholds=25", "scaleClear.village=35%", "--comment", "试行: 小村并入乡镇判断");
        var shown = await ServerProcess.RunVerbAsync(env, "rules");
        var refused = await ServerProcess.RunVerbAsync(env, "rules", "set", "scaleClear.township=1/3", "--comment", "x");
        var unreadable = await ServerProcess.RunVerbAsync(env, "rules", "set", "minimumHouseholds=many", "--comment", "x");
        var changes = await ServerProcess.RunVerbAsync(env, "rules", "changes");

        Assert.True(set.ExitCode == 0, set.Error);
        Assert.Contains("alert rules version 1 in force", set.Output);
        Assert.Contains("version 1", shown.Output);
        Assert.Matches(@"minimumHouseholds\s+25", shown.Output);
        Assert.Matches(@"village\s+1/2 → 7/20", shown.Output);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("scaleClear.township", refused.Error);
        Assert.Equal(2, unreadable.ExitCode);
        Assert.Contains("minimumHouseholds is a whole number, not 'many'", unreadable.Error);
        Assert.Contains("试行: 小村并入乡镇判断", changes.Output);
        Assert.Equal(25, await db.ScalarAsync<int>("SELECT (rules->>'minimumHouseholds')::int FROM alert_rule_change WHERE version = 1"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM alert_rule_change"));
    }

    [Theory]
    [InlineData("minimumHouseholds=25", "--comment TEXT is required: say why the rules change")]
    [InlineData("--comment", "--comment TEXT is required: say why the rules change")]
    [InlineData("noSuchRule=1 --comment x", "no alert rule is named 'noSuchRule'")]
    [InlineData("householdAlerts=maybe --comment x", "householdAlerts is true or false, not 'maybe'")]
    [InlineData("--comment x", "name at least one rule to change")]
    public void A_rules_set_line_that_cannot_be_read_says_which_argument(string line, string error)
    {
        var (change, _, message) = RuleVerbs.ParseSet(line.Split(' '));

        Assert.Null(change);
        Assert.Equal(error, message);
    }
}
