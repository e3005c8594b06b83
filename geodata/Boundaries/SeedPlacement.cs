using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using RiskMap.Geodata.Generation;

namespace RiskMap.Geodata.Boundaries;

/// <summary>
/// Places the centre points of child units inside a parent: urban units (街道, 社区) in a tight
/// cluster around the parent's centre, the rest spread out by best-candidate sampling (each new
/// point is the candidate farthest from the points already placed), which spaces them like
/// real settlements rather than uniform noise.
/// </summary>
internal sealed class SeedPlacement
{
    private readonly Geometry _area;
    private readonly IndexedPointInAreaLocator _locator;
    private readonly Envelope _env;
    private readonly double _cosLat;
    private readonly SeededRandom _rng;
    private readonly List<Coordinate> _placed = [];

    public SeedPlacement(Geometry area, SeededRandom rng)
    {
        _area = area;
        _locator = new IndexedPointInAreaLocator(area);
        _env = area.EnvelopeInternal;
        _cosLat = Math.Cos(_env.Centre.Y * Math.PI / 180);
        _rng = rng;
    }

    /// <summary>A typical radius of the area in degrees of latitude.</summary>
    public double Radius => Math.Sqrt(_area.Area * _cosLat / Math.PI);

    /// <summary>Places a point at <paramref name="at"/> if it is inside the area, else at the area's interior point.</summary>
    public Coordinate PlaceAt(Coordinate at)
    {
        var c = Inside(at) ? at.Copy() : _area.InteriorPoint.Coordinate.Copy();
        _placed.Add(c);
        return c;
    }

    /// <summary>Places a point within <paramref name="radius"/> (degrees of latitude) of <paramref name="centre"/>.</summary>
    public Coordinate PlaceNear(Coordinate centre, double radius) => PlaceBest(12, () => !Inside(centre) ? DrawInEnvelope() : _rng.Chance(0.02) ? DrawInEnvelope() : DrawNear(centre, radius));

    private Coordinate DrawNear(Coordinate centre, double radius)
    {
        var angle = _rng.Uniform(0, 2 * Math.PI);
        var r = radius * Math.Sqrt(_rng.NextDouble());
        return new Coordinate(centre.X + r * Math.Cos(angle) / _cosLat, centre.Y + r * Math.Sin(angle));
    }

    private Coordinate DrawInEnvelope() => new(_rng.Uniform(_env.MinX, _env.MaxX), _rng.Uniform(_env.MinY, _env.MaxY));

    /// <summary>Places a point anywhere in the area, as far as possible from the points already placed.</summary>
    public Coordinate PlaceSpread() => PlaceBest(16, DrawInEnvelope);

    private Coordinate PlaceBest(int candidates, Func<Coordinate> draw)
    {
        Coordinate? best = null;
        var bestDistance = -1.0;
        var accepted = 0;
        for (var attempt = 0; accepted < candidates && attempt < candidates * 60; attempt++)
        {
            var c = draw();
            if (!Inside(c)) continue;
            accepted++;
            var nearest = double.MaxValue;
            foreach (var p in _placed)
            {
                var dx = (p.X - c.X) * _cosLat;
                var dy = p.Y - c.Y;
                nearest = Math.Min(nearest, dx * dx + dy * dy);
            }
            if (nearest > bestDistance) { bestDistance = nearest; best = c; }
        }
        // A narrow area can defeat rejection sampling; walk the interior point's neighbourhood
        // rather than reuse a point, since two children cannot share a seed.
        for (var step = 1; best is null; step++)
        {
            var c = DrawNear(_area.InteriorPoint.Coordinate, Radius * 0.05 * step);
            if (Inside(c) && !_placed.Any(p => p.Equals2D(c))) best = c;
        }
        _placed.Add(best);
        return best;
    }

    private bool Inside(Coordinate c) => _locator.Locate(c) == Location.Interior;
}
