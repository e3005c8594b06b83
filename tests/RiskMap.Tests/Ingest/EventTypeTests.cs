using RiskMap.Geodata.Domain;
using RiskMap.Server.Ingest;

namespace RiskMap.Tests.Ingest;

public sealed class EventTypeTests
{
    [Theory]
    [InlineData("flood", RiskType.DisasterFlood)]
    [InlineData("Landslide", RiskType.DisasterGeological)]
    [InlineData("泥石流", RiskType.DisasterGeological)]
    [InlineData("earthquake", RiskType.DisasterEarthquake)]
    [InlineData("干旱", RiskType.DisasterDrought)]
    [InlineData("hail", RiskType.DisasterMeteorological)]
    [InlineData("pest", RiskType.DisasterBiological)]
    [InlineData("disaster_other", RiskType.DisasterOther)]
    public void Event_types_map_to_the_natural_disaster_risk_types(string type, string riskType) =>
        Assert.Equal(riskType, EventTypes.RiskTypeOf(type));

    [Fact]
    public void Every_listed_event_type_maps_to_a_known_disaster_risk_type_and_other_words_to_none()
    {
        Assert.All(EventTypes.Names, n => Assert.True(RiskType.IsDisaster(EventTypes.RiskTypeOf(n)!) && RiskType.IsKnown(EventTypes.RiskTypeOf(n)!), n));
        Assert.Null(EventTypes.RiskTypeOf("illness"));
        Assert.Null(EventTypes.RiskTypeOf("tsunami"));
    }
}
