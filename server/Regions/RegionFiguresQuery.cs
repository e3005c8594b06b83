using Npgsql;
using RiskMap.Server.Database;
using RiskMap.Server.Statistics;

namespace RiskMap.Server.Regions;

/// <summary>A region's figures and how much of it was counted household by household.</summary>
public sealed record RegionCount(RegionFigures Figures, int HouseholdsTested);

/// <summary>
/// A region's exact figures, fast: the stored figures of the villages it covers whole, plus the
/// households of villages crossing its border tested one by one, corrected for households whose
/// point lies outside their own village (household_outside_village). The income median is not
/// summable, so it is computed over every income in the region (<see cref="IncomeMedian"/>, the
/// convention of the units' medians), never taken from region_stats, whose medians lag: the whole
/// villages' incomes (from <see cref="VillageIncomeCache"/>) with those tested added and taken away.
/// Equal to <see cref="NaiveRegionFigures"/> for every region (tests/RiskMap.Tests/Regions).
/// </summary>
public static class RegionFiguresQuery
{
    /// <param name="conn">An open connection; the figures are consistent when the coverage was read in the same snapshot (a repeatable-read transaction, or rows locked against writers).</param>
    /// <param name="tx">The caller's transaction, if any.</param>
    /// <param name="wkb">The region, as in <see cref="RegionShape.Wkb"/>.</param>
    /// <param name="coverage">The units it touches, read with the same <paramref name="wkb"/>.</param>
    /// <param name="incomes">Whole villages' incomes, kept between queries.</param>
    /// <param name="kind">The subject kind the figures describe.</param>
    /// <param name="subjectId">The subject id the figures describe.</param>
    /// <param name="ct">Cancels the query.</param>
    public static async Task<RegionCount> ComputeAsync(
        NpgsqlConnection conn, NpgsqlTransaction? tx, byte[] wkb, RegionCoverage coverage, VillageIncomeCache incomes,
        string kind, long subjectId, CancellationToken ct)
    {
        var figures = coverage.SumOfWholeVillages(kind, subjectId);
        int tested;
        int[] added, removed;
        await using (var cmd = new NpgsqlCommand(SqlFile.Load("Regions.region_figures"), conn, tx))
        {
            cmd.Parameters.Add(new() { Value = wkb });
            cmd.Parameters.Add(new() { Value = coverage.WholeVillages });
            cmd.Parameters.Add(new() { Value = coverage.CrossingVillages });
            cmd.Parameters.Add(new() { Value = coverage.CrossingVillageCounties });
            cmd.Parameters.Add(new() { Value = coverage.Area.First });
            cmd.Parameters.Add(new() { Value = coverage.Area.Last });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            figures.Add(FiguresColumns.Read(r, 0, kind, subjectId));
            tested = r.GetInt32(FiguresColumns.Count);
            added = r.GetFieldValue<int[]>(FiguresColumns.Count + 1);
            removed = r.GetFieldValue<int[]>(FiguresColumns.Count + 2);
        }
        figures.IncomeMedian = IncomeMedian.Of(await incomes.WholeVillagesAsync(conn, tx, coverage, ct), added, removed);
        return new RegionCount(figures, tested);
    }
}

/// <summary>
/// A region's figures by testing every household's point against it through the GiST index
/// (naive_figures.sql): the reference <see cref="RegionFiguresQuery"/> must equal, and the
/// baseline of bench/regions. Not used to answer requests.
/// </summary>
public static class NaiveRegionFigures
{
    public static async Task<RegionFigures> ComputeAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, byte[] wkb, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Regions.naive_figures"), conn, tx);
        cmd.Parameters.Add(new() { Value = wkb });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return FiguresColumns.Read(r, 0, SubjectKind.Region, 0);
    }
}
