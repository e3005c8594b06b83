using System.Text;
using RiskMap.Server.Regions;

namespace RiskMap.Tests.Regions;

public sealed class WatchRuleAndExportTests
{
    [Theory]
    [InlineData("shareAtLeastTwo", 0.4, 0.3, 10, null)]
    [InlineData("householdsAtThree", 5, 2, 0, null)]
    [InlineData("shareIII", 0.4, 0.3, 10, "not one of")]
    [InlineData("shareThree", 0.3, 0.3, 10, "must be below raiseThreshold")]
    [InlineData("shareThree", 1.5, 0.3, 10, "is a share")]
    [InlineData("householdsAtThree", 0.5, 0, 10, "is a count")]
    [InlineData("shareAtLeastTwo", 0.4, 0.3, -1, "minimumHouseholds")]
    public void AlertRule_IsAcceptedOnlyWithAKnownMetricAndAClearThresholdBelowTheRaiseThreshold(string metric, double raise, double clear, int minimum, string? problem)
    {
        var found = new WatchRule(null, metric, raise, clear, minimum).Problem();

        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found);
    }

    [Fact]
    public void Csv_QuotesSeparatorsAndKeepsFormulasAsText()
    {
        var table = new ExportTable(["名称", "户数", "说明"], [new ExportRow(["村, \"东\"", 3, "=1+1"], null), new ExportRow([null, 0.5, "-2"], null)]);

        var csv = table.ToCsv();

        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Equal("名称,户数,说明\r\n\"村, \"\"东\"\"\",3,'=1+1\r\n,0.5,'-2\r\n", Encoding.UTF8.GetString(csv, 3, csv.Length - 3));
    }
}
