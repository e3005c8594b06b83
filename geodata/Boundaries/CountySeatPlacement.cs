using RiskMap.Geodata.Divisions;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Generation;

namespace RiskMap.Geodata.Boundaries;

/// <summary>
/// Seats for every county under a root. county_seats.csv lacks 16 Sichuan and 38 Guizhou seats
/// (no redistributable gazetteer record); those are placed inside the spread of their
/// prefecture's known seats, as far as possible from every other seat, and marked
/// <see cref="CountySeat.PlacedMethod"/> so no one mistakes them for surveyed positions.
/// </summary>
internal static class CountySeatPlacement
{
    public static List<CountySeat> SeatsUnder(DivisionCatalog catalog, UnitCode root, ulong seed)
    {
        var counties = catalog.Subtree(root).Where(u => u.Level == UnitLevel.County).ToList();
        var seats = new List<CountySeat>(counties.Count);
        var known = counties.Select(c => catalog.SeatOf(c.Code)).Where(s => s is not null).Select(s => s!).ToList();
        var taken = new List<CountySeat>(known);
        foreach (var county in counties)
        {
            if (catalog.SeatOf(county.Code) is { } seat)
            {
                seats.Add(seat);
                continue;
            }
            var prefecture = county.Code.AtLevel(UnitLevel.Prefecture);
            var siblings = catalog.ChildrenOf(prefecture).Select(c => catalog.SeatOf(c.Code)).Where(s => s is not null).Select(s => s!).ToList();
            if (siblings.Count == 0) siblings = known;
            if (siblings.Count == 0)
                throw new InvalidOperationException($"no county seat known near {county.Code} {county.Name}; cannot place it plausibly");
            var rng = SeededRandom.For(seed, county.Code.Value, 11);
            var lon0 = siblings.Average(s => s.Lon);
            var lat0 = siblings.Average(s => s.Lat);
            var spread = Math.Max(0.25, siblings.Max(s => Math.Sqrt((s.Lon - lon0) * (s.Lon - lon0) + (s.Lat - lat0) * (s.Lat - lat0))));
            (double Lon, double Lat) best = (lon0, lat0);
            var bestDistance = -1.0;
            for (var i = 0; i < 40; i++)
            {
                var angle = rng.Uniform(0, 2 * Math.PI);
                var r = spread * 0.9 * Math.Sqrt(rng.NextDouble());
                var candidate = (Lon: lon0 + r * Math.Cos(angle), Lat: lat0 + r * Math.Sin(angle));
                var nearest = taken.Min(s => (s.Lon - candidate.Lon) * (s.Lon - candidate.Lon) + (s.Lat - candidate.Lat) * (s.Lat - candidate.Lat));
                if (nearest > bestDistance) { bestDistance = nearest; best = candidate; }
            }
            var placed = new CountySeat(county.Code, Math.Round(best.Lon, 5), Math.Round(best.Lat, 5), CountySeat.PlacedMethod);
            seats.Add(placed);
            taken.Add(placed);
        }
        return seats;
    }
}
