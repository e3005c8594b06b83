using System.Text.Json;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Importing;

namespace RiskMap.Tests.Ingest;

public sealed class HouseholdJsonTests
{
    private static readonly HouseholdReferences Known = new(new HashSet<long> { 513431100001 }, new HashSet<long> { 9001 });

    private static HouseholdRow Check(string json, int index = 0) =>
        new HouseholdRowChecker(Known, "item", HouseholdJson.NameOf).Check(HouseholdJson.Item(index, JsonDocument.Parse(json).RootElement));

    [Fact]
    public void A_JSON_item_reads_like_the_same_CSV_row()
    {
        var row = Check("""
            {"householdId": "H1", "villageCode": "513431100001", "lon": 102.65, "lat": 28.05, "members": 4, "labour": 2,
             "incomePerCapita": 8456.5, "relocated": true, "siteId": 9001, "riskTypes": ["illness", "因残"],
             "monitoring": "monitored", "monitoredSince": "2025-03-01",
             "assistance": [{"kind": "employment", "startedOn": "2025-06-01"}, "健康帮扶:2025-03-01"]}
            """);

        var h = row.Household!;
        Assert.Equal((4, (short)2, 8457, true, 9001L), (h.Members, h.Labour, h.IncomePerCapita, h.Relocated, h.SiteId!.Value));
        Assert.Equal([RiskType.Illness, RiskType.Disability], h.RiskTypes);
        Assert.Equal([new AssistanceMeasure("employment", new DateOnly(2025, 6, 1)), new AssistanceMeasure("health", new DateOnly(2025, 3, 1))], h.Assistance);
        Assert.Equal(MonitoringStatus.Monitored, h.Monitoring);
    }

    [Fact]
    public void Every_bad_member_is_named_in_camelCase_with_the_CSV_reason()
    {
        var row = Check("""
            {"householdId": "H1", "villageCode": "513431100009", "lon": 102.65, "lat": 28.05, "members": 2, "labour": 3,
             "incomePerCapita": "12x00", "colour": "red", "riskLevel": 3, "dibao": {"yes": true}}
            """, index: 7);

        Assert.Null(row.Household);
        var byField = row.Rejects.ToDictionary(r => r.Field!, r => r.Reason);
        Assert.StartsWith("unknown village code", byField["villageCode"]);
        Assert.Equal("labour 3 exceeds members 2", byField["labour"]);
        Assert.StartsWith("malformed number '12x00'", byField["incomePerCapita"]);
        Assert.StartsWith("unknown field 'colour'", byField["colour"]);
        Assert.Contains("computed by the risk model", byField["riskLevel"]);
        Assert.Contains("not an object", byField["dibao"]);
        Assert.All(row.Rejects, r => Assert.Equal(7, r.Line));
    }

    [Fact]
    public void An_item_that_is_not_an_object_is_rejected_whole_and_a_repeated_id_names_the_first_item()
    {
        var checker = new HouseholdRowChecker(Known, "item", HouseholdJson.NameOf);
        var item = """{"householdId": "H1", "villageCode": "513431100001", "lon": 102.65, "lat": 28.05, "members": 1, "labour": 1, "incomePerCapita": 9000}""";

        var array = checker.Check(HouseholdJson.Item(0, JsonDocument.Parse("[1, 2]").RootElement));
        checker.Check(HouseholdJson.Item(1, JsonDocument.Parse(item).RootElement));
        var again = checker.Check(HouseholdJson.Item(2, JsonDocument.Parse(item).RootElement));

        Assert.Equal((null, "an item must be a JSON object of household fields, not an array"), (array.Rejects[0].Field, array.Rejects[0].Reason));
        Assert.Equal(("householdId", "duplicate household id 'H1' (first on item 1)"), (again.Rejects[0].Field, again.Rejects[0].Reason));
    }

    [Fact]
    public void A_household_written_back_as_text_reads_as_the_same_household()
    {
        var h = Check("""
            {"householdId": "H1", "villageCode": "513431100001", "lon": 102.651234567, "lat": 28.05, "members": 4, "labour": 2,
             "incomePerCapita": 9000, "rigidExpenditure": 1200, "riskTypes": ["illness"], "monitoring": "risk_eliminated",
             "riskEliminatedOn": "2025-08-01", "eliminationMethod": "就业", "assistance": ["employment:2025-06-01"], "lastVisitOn": "2025-09-09"}
            """).Household!;
        var texts = HouseholdFields.TextsOf(h);

        var again = new HouseholdRowChecker(Known).Check(HouseholdItem.Readable(1, "", key => texts[key])).Household!;

        Assert.Equal(h with { RiskTypes = [], Assistance = [] }, again with { RiskTypes = [], Assistance = [] });
        Assert.Equal(h.RiskTypes, again.RiskTypes);
        Assert.Equal(h.Assistance, again.Assistance);
    }
}
