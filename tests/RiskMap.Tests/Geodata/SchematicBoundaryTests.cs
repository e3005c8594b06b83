using Xunit;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using RiskMap.Geodata.Boundaries;
using RiskMap.Geodata.Domain;

namespace RiskMap.Tests.Geodata;

[Collection(LiangshanCollection.Name)]
public sealed class SchematicBoundaryTests(LiangshanFixture liangshan)
{
    private const double RelativeTolerance = 1e-9;
    private readonly SchematicMap _map = liangshan.Map;

    [Fact]
    public void Liangshan_HasOneShapePerUnitOfTheDivisionFiles()
    {
        Assert.Single(_map.AtLevel(UnitLevel.Prefecture));
        Assert.Equal(17, _map.AtLevel(UnitLevel.County).Count());
        Assert.Equal(304, _map.AtLevel(UnitLevel.Township).Count());
        Assert.Equal(2_377, _map.AtLevel(UnitLevel.Village).Count());
        Assert.Null(_map[new UnitCode(510000000000)].Shape); // the province row exists for the parent key only
    }

    [Fact]
    public void EveryPolygon_IsValid()
    {
        var invalid = _map.Units.Where(u => u.Shape is { IsValid: false }).Select(u => u.Code.ToString()).ToList();

        Assert.Empty(invalid);
    }

    [Fact]
    public void Counties_TileTheirPrefecture_WithNoGapsOrOverlaps() => AssertChildrenTile(UnitLevel.Prefecture);

    [Fact]
    public void Townships_TileTheirCounty_WithNoGapsOrOverlaps() => AssertChildrenTile(UnitLevel.County);

    [Fact]
    public void Villages_TileTheirTownship_WithNoGapsOrOverlaps() => AssertChildrenTile(UnitLevel.Township);

    private void AssertChildrenTile(UnitLevel parentLevel)
    {
        var children = _map.Units.Where(u => u.Shape is not null && u.Unit.ParentCode is not null)
            .GroupBy(u => u.Unit.ParentCode!.Value).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var parent in _map.AtLevel(parentLevel))
        {
            var kids = children[parent.Code];
            var parentArea = parent.Shape!.Area;
            var sum = kids.Sum(k => k.Shape!.Area);
            var union = UnaryUnionNG.Union(SchematicBoundaryGenerator.Factory.BuildGeometry(kids.Select(k => (Geometry)k.Shape!).ToList()),
                SchematicBoundaryGenerator.Factory.PrecisionModel);
            var mismatch = OverlayNG.Overlay(union, parent.Shape, NetTopologySuite.Operation.Overlay.SpatialFunction.SymDifference, SchematicBoundaryGenerator.Factory.PrecisionModel).Area;

            // Sum of areas equal to the parent's: no gap and no overlap at once; the union equal
            // to the parent: the children are where the parent is.
            Assert.True(Math.Abs(sum - parentArea) <= RelativeTolerance * parentArea, $"{parent.Code}: children sum {sum} vs parent {parentArea}");
            Assert.True(mismatch <= RelativeTolerance * parentArea, $"{parent.Code}: union differs from parent by {mismatch}");
        }
    }

    [Fact]
    public void NeighbouringVillages_ShareBorderVerticesExactly()
    {
        // Two villages of one township: every vertex of one that lies on the other's boundary
        // is also one of the other's vertices (the border is stored identically on both sides).
        var township = _map.AtLevel(UnitLevel.Township).First(t => t.Unit.Name == "新城镇");
        var villages = _map.AtLevel(UnitLevel.Village).Where(v => v.Unit.ParentCode == township.Code).ToList();
        var shared = 0;
        foreach (var a in villages)
        {
            foreach (var b in villages.Where(b => b.Code.Value > a.Code.Value && b.Shape!.Touches(a.Shape)))
            {
                var bVertices = b.Shape!.Coordinates.Select(c => (c.X, c.Y)).ToHashSet();
                var onB = a.Shape!.Coordinates.Where(c => b.Shape.Boundary.Distance(new Point(c)) < 1e-12).ToList();
                Assert.All(onB, c => Assert.Contains((c.X, c.Y), bVertices));
                shared += onB.Count;
            }
        }
        Assert.True(shared > 0, "the township's villages share no border at all");
    }

    [Fact]
    public void CountySeats_LieInTheirCounty()
    {
        var outside = _map.AtLevel(UnitLevel.County)
            .Where(c => !c.Shape!.Contains(new Point(c.Centre!)))
            .Select(c => c.Unit.Name).ToList();

        Assert.Empty(outside);
    }

    [Fact]
    public void UrbanUnits_AreSmallerThanRuralOnes()
    {
        var villages = _map.AtLevel(UnitLevel.Village).ToList();
        var urban = Median(villages.Where(v => v.Unit.IsUrban).Select(v => v.Shape!.Area));
        var rural = Median(villages.Where(v => !v.Unit.IsUrban).Select(v => v.Shape!.Area));

        Assert.True(urban < rural / 2, $"median urban {urban} vs rural {rural}");
    }

    [Fact]
    public void MuliCounty_IsLargerThanXichang()
    {
        var muli = _map[new UnitCode(513422000000)].Shape!.Area;   // 木里, mountain county of 13,252 km²
        var xichang = _map[new UnitCode(513401000000)].Shape!.Area; // 西昌, the prefecture seat

        Assert.True(muli > xichang * 1.5, $"Muli {muli} vs Xichang {xichang}");
    }

    [Fact]
    public void PrefectureOutline_IsIrregular_NotASquareOrConvexBlob()
    {
        var outline = _map[LiangshanFixture.Liangshan].Shape!;

        Assert.True(outline.Area < 0.97 * outline.ConvexHull().Area, "outline is nearly convex");
        Assert.True(outline.Area < 0.85 * outline.Envelope.Area, "outline fills its bounding box like a square");
        Assert.True(outline.NumPoints > 200);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
