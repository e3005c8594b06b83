using Xunit;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Risk;

namespace RiskMap.Tests.Risk;

public class PolicyTableTests
{
    private static readonly UnitCode Sichuan = new(510000000000);
    private static readonly UnitCode ZhaojueVillage = new(513431100201);

    private static PolicyTable Table() => new([
        new(Sichuan, 2022, 6500, 4333, "test", false),
        new(Sichuan, 2024, 7500, 5000, "test", false),
    ]);

    [Fact]
    public void ExactYear_ReturnsItsLine() => Assert.Equal(7500, Table().Find(Sichuan, 2024).MonitoringLine);

    [Fact]
    public void VillageCode_FindsItsProvincesLine() => Assert.Equal(6500, Table().Find(ZhaojueVillage, 2022).MonitoringLine);

    [Fact]
    public void YearWithoutRow_FallsBackToLatestEarlierYear()
    {
        Assert.Equal(2022, Table().Find(Sichuan, 2023).Year);
        Assert.Equal(2024, Table().Find(Sichuan, 2030).Year);
    }

    [Fact]
    public void YearBeforeFirstRow_FailsNamingTheFirstYear()
    {
        var e = Assert.Throws<PolicyLineNotFoundException>(() => Table().Find(Sichuan, 2021));
        Assert.Equal("no policy line for province 510000000000 in 2021 or earlier; its first year is 2022", e.Message);
        Assert.False(Table().TryFind(Sichuan, 2021, out _));
    }

    [Fact]
    public void UnknownProvince_FailsNamingTheProvince()
    {
        var e = Assert.Throws<PolicyLineNotFoundException>(() => Table().Find(new UnitCode(520102000000), 2024));
        Assert.Equal(new UnitCode(520000000000), e.Province);
        Assert.Contains("no policy line for province 520000000000", e.Message);
    }

    [Fact]
    public void DuplicateYearOrInvalidLine_IsRejected()
    {
        var dup = Assert.Throws<ArgumentException>(() => new PolicyTable([
            new(Sichuan, 2024, 7500, 5000, "a", false), new(Sichuan, 2024, 7600, 5000, "b", false)]));
        Assert.Contains("510000000000/2024 appears twice", dup.Message);
        var bad = Assert.Throws<ArgumentException>(() => new PolicyTable([new(ZhaojueVillage, 2024, 0, 5000, "", false)]));
        Assert.Contains("is not a province code", bad.Message);
        Assert.Contains("monitoring line must be positive", bad.Message);
        Assert.Contains("a source is required", bad.Message);
    }

    [Fact]
    public void ExampleDefaults_MatchMigrationAndAreMarkedExamples()
    {
        var line = PolicyTable.ExampleDefaults.Find(ZhaojueVillage, 2024);
        Assert.Equal((7500, 5000, true), (line.MonitoringLine, line.DibaoLine, line.IsExample));
        Assert.Equal(4667, PolicyTable.ExampleDefaults.Find(new UnitCode(520000000000), 2023).DibaoLine);
        Assert.Equal(12, PolicyTable.ExampleDefaults.Lines.Count());
        Assert.All(PolicyTable.ExampleDefaults.Lines, l => Assert.True(l.IsExample));
    }
}
