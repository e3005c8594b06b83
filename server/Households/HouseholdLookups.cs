using Npgsql;
using NpgsqlTypes;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Importing;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;

namespace RiskMap.Server.Households;

/// <summary>
/// What checking household rows needs from the database, shared by the CSV import and the ingest
/// API: the villages and sites rows may name, and households already registered in another county.
/// </summary>
public static class HouseholdLookups
{
    /// <summary>The villages and sites rows may name: all of them, or only those among <paramref name="villages"/> and <paramref name="sites"/>.</summary>
    public static async Task<HouseholdReferences> ReferencesAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IEnumerable<long>? villages, IEnumerable<long>? sites, CancellationToken ct)
    {
        var knownVillages = new HashSet<long>();
        var knownSites = new HashSet<long>();
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Households.household_references"), conn, tx);
        cmd.Parameters.Add(new() { Value = (object?)villages?.Distinct().ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new() { Value = (object?)sites?.Distinct().ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            (r.GetString(1) == "village" ? knownVillages : knownSites).Add(r.GetInt64(0));
        return new HouseholdReferences(knownVillages, knownSites);
    }

    /// <summary>
    /// Rows whose household id is registered in another county, as rejects of <paramref name="villageField"/>.
    /// Ids are national (户编号), but rows are keyed by county: written, such a row would be a second
    /// household, not a move. A county outside <paramref name="area"/> (the sender's) is not named.
    /// </summary>
    public static async Task<List<ImportReject>> RegisteredInOtherCountiesAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<HouseholdRow> rows, string villageField, AreaScope area, CancellationToken ct)
    {
        var found = new List<ImportReject>();
        if (rows.Count == 0) return found;
        var byId = rows.ToDictionary(r => r.Household!.HouseholdId);
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Households.other_county_ids"), conn, tx);
        cmd.Parameters.Add(new() { Value = rows.Select(r => r.Household!.HouseholdId).ToArray() });
        cmd.Parameters.Add(new() { Value = rows.Select(r => r.Household!.VillageCode.County.Value).ToArray() });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var row = byId[r.GetString(0)];
            var county = r.GetInt64(1);
            var where = area.Contains(county) ? $"in county {new UnitCode(county)}" : "in another county, outside your area";
            found.Add(new ImportReject(row.Line, villageField,
                $"household '{row.Household!.HouseholdId}' is registered {where}; households do not move between counties (the county is part of a household's key)", row.Raw));
        }
        return found;
    }

    /// <summary>Rows whose village lies outside <paramref name="area"/>, as rejects of <paramref name="villageField"/>: nobody writes outside their area.</summary>
    public static List<ImportReject> OutsideArea(IEnumerable<HouseholdRow> rows, string villageField, AreaScope area) =>
        rows.Where(r => r.Household is { } h && !area.Contains(h.VillageCode))
            .Select(r => new ImportReject(r.Line, villageField, $"village {r.Household!.VillageCode} is outside your area ({area})", r.Raw))
            .ToList();
}
