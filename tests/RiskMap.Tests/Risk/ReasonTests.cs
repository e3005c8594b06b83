using Xunit;
using System.Text.Json;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Risk;
using static RiskMap.Tests.Risk.TestHouseholds;

namespace RiskMap.Tests.Risk;

public class ReasonTests
{
    /// <summary>The issue's example: income 0.93 × line, illness, 41 days without assistance.</summary>
    private static RiskAssessment IssueExample()
    {
        var entered = AsOf.AddDays(-41);
        return Assess(Comfortable() with
        {
            IncomePerCapita = 6975,
            RiskTypes = [RiskType.Illness],
            Monitoring = MonitoringStatus.Monitored,
            MonitoredSince = entered,
        });
    }

    [Fact]
    public void IssueExample_ReasonsReadInChinese()
    {
        var reasons = IssueExample().Reasons.ToArray();
        Assert.Equal(["人均纯收入为监测线的0.93倍", "因病", "41天未落实帮扶"], reasons.Take(3).Select(r => r.Chinese));
    }

    [Fact]
    public void IssueExample_ReasonsReadInEnglish()
    {
        var reasons = IssueExample().Reasons.ToArray();
        Assert.Equal(["income 0.93 × monitoring line", "illness", "no assistance for 41 days"], reasons.Take(3).Select(r => r.English));
        Assert.Equal(["income_below_line", "risk.illness", "unassisted", "never_visited"], reasons.Select(r => r.Key));
    }

    [Fact]
    public void OneYuanBelowLine_ReadsAsBelowOneNotRoundedUp()
    {
        var reason = Assess(Comfortable() with { IncomePerCapita = 7499 }).Reasons[0];
        Assert.Equal("人均纯收入为监测线的0.99倍", reason.Chinese);
        Assert.Equal("income 0.99 × monitoring line", reason.English);
    }

    [Fact]
    public void ShockReasons_QuotePercentages()
    {
        var collapse = Assess(Comfortable() with { IncomeLastYear = 20000, IncomePerCapita = 13000 }).Reasons[0];
        Assert.Equal("人均纯收入较上年下降35%", collapse.Chinese);
        Assert.Equal("income down 35% on last year", collapse.English);
        var rigid = Assess(Comfortable() with { IncomePerCapita = 20000, RigidExpenditure = 48000 }).Reasons[0];
        Assert.Equal("刚性支出为家庭纯收入的60%", rigid.Chinese);
        Assert.Equal("rigid expenditure 60% of household income", rigid.English);
    }

    [Fact]
    public void ManyFacts_AreCutAtMaxReasonsMostImportantFirst()
    {
        var h = Comfortable() with
        {
            IncomePerCapita = 4000, HousingUnsafe = true, ChildOutOfSchool = true, NoMedicalInsurance = true, WaterUnsafe = true,
            RiskTypes = [RiskType.Illness, RiskType.Disability], Relocated = true, Labour = 0,
        };
        var a = Assess(h, new RiskModelOptions { MaxReasons = 3 });
        Assert.Equal(["income_below_dibao_line", "housing_unsafe", "child_out_of_school"], Keys(a));
        Assert.Equal(8, Assess(h, new RiskModelOptions { MaxReasons = 8 }).Reasons.Count);
    }

    [Fact]
    public void EveryReasonCode_HasKeyAndTextInBothLanguages()
    {
        foreach (var code in Enum.GetValues<ReasonCode>())
        {
            var r = new RiskReason(code, 0.5, code == ReasonCode.RiskType ? RiskType.DisasterFlood : null);
            Assert.False(string.IsNullOrWhiteSpace(r.Key));
            Assert.False(string.IsNullOrWhiteSpace(r.Chinese));
            Assert.False(string.IsNullOrWhiteSpace(r.English));
        }
    }

    [Fact]
    public void ReasonKeys_AreDistinctPerCode()
    {
        var keys = Enum.GetValues<ReasonCode>().Where(c => c != ReasonCode.RiskType).Select(c => new RiskReason(c).Key).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void EveryRiskType_HasAnEnglishLabel()
    {
        foreach (var key in RiskType.Labels.Keys)
            Assert.DoesNotContain("unlisted", RiskTypeText.English(key));
        Assert.Equal("unlisted risk type (locusts)", RiskTypeText.English("locusts"));
    }

    [Fact]
    public void ReasonsJson_CarriesKeyValueAndBothTexts()
    {
        using var doc = JsonDocument.Parse(ReasonJson.ToJson(IssueExample().Reasons));
        var first = doc.RootElement[0];
        Assert.Equal("income_below_line", first.GetProperty("key").GetString());
        Assert.Equal(0.93, first.GetProperty("value").GetDouble(), 4);
        Assert.Equal("人均纯收入为监测线的0.93倍", first.GetProperty("zh").GetString());
        Assert.Equal("income 0.93 × monitoring line", first.GetProperty("en").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement[1].GetProperty("value").ValueKind);
        Assert.Equal(41, doc.RootElement[2].GetProperty("value").GetInt32());
    }
}
