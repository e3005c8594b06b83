using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using RiskMap.Geodata.Generation;

namespace RiskMap.Geodata.Households;

/// <summary>
/// Where a village's households live: a main settlement at the village centre and a few
/// hamlets (自然村) elsewhere in the village, each household a short scatter around its
/// settlement. Mountain villages in Liangshan are strings of hamlets, not evenly spread houses.
/// </summary>
internal sealed class SettlementLayout
{
    private const double MetresPerDegree = 111_320;

    private readonly IndexedPointInAreaLocator _locator;
    private readonly Coordinate[] _centres;
    private readonly double[] _weights;
    private readonly double[] _spreadDegrees;
    private readonly double _cosLat;

    public SettlementLayout(Geometry shape, Coordinate? centre, int households, bool urban, SeededRandom rng)
    {
        _locator = new IndexedPointInAreaLocator(shape);
        var env = shape.EnvelopeInternal;
        _cosLat = Math.Cos(env.Centre.Y * Math.PI / 180);
        // Hamlets of about 60–150 households; a residents' committee is one built-up area.
        var count = urban ? 1 : Math.Clamp(1 + rng.Poisson(households / 110.0), 1, 14);
        _centres = new Coordinate[count];
        _weights = new double[count];
        _spreadDegrees = new double[count];
        _centres[0] = centre is not null && Inside(centre) ? centre : shape.InteriorPoint.Coordinate;
        _weights[0] = urban ? 1 : 2.0;
        for (var i = 1; i < count; i++)
        {
            _centres[i] = RandomInside(env, rng) ?? _centres[0];
            _weights[i] = rng.LogNormal(1, 0.6);
        }
        var total = _weights.Sum();
        for (var i = 0; i < count; i++)
        {
            // Houses about 25 m apart: a settlement of n households spans about 25·√n metres,
            // a standard deviation of about 10·√n around its centre.
            var share = households * _weights[i] / total;
            _spreadDegrees[i] = (urban ? 8 : 10) * Math.Sqrt(Math.Max(1, share)) / MetresPerDegree;
        }
    }

    /// <summary>A household position near a settlement, inside the village.</summary>
    public Coordinate NextHome(SeededRandom rng)
    {
        var s = rng.Pick(_weights);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var c = new Coordinate(_centres[s].X + rng.Normal() * _spreadDegrees[s] / _cosLat, _centres[s].Y + rng.Normal() * _spreadDegrees[s]);
            if (Inside(c)) return c;
        }
        return _centres[s].Copy();
    }

    /// <summary>A point for a site: near the main settlement, inside the village.</summary>
    public Coordinate MainSettlement => _centres[0];

    private Coordinate? RandomInside(Envelope env, SeededRandom rng)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var c = new Coordinate(rng.Uniform(env.MinX, env.MaxX), rng.Uniform(env.MinY, env.MaxY));
            if (Inside(c)) return c;
        }
        return null;
    }

    private bool Inside(Coordinate c) => _locator.Locate(c) == Location.Interior;

    public bool Contains(Coordinate c) => Inside(c);
}
