using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Database;
using RiskMap.Server.Households;

namespace RiskMap.Server.Ingest;

/// <summary>Reads households as they are for a change to make to them, holding their row locks until the transaction ends.</summary>
public static class LockedHouseholds
{
    /// <summary>The households with these keys (missing ones are left out), in key order.</summary>
    public static async Task<List<Household>> ReadAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<(long County, string Id)> keys, CancellationToken ct)
    {
        var households = new List<Household>(keys.Count);
        if (keys.Count == 0) return households;
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Ingest.households_for_update"), conn, tx);
        cmd.Parameters.Add(new() { Value = keys.Select(k => k.County).ToArray() });
        cmd.Parameters.Add(new() { Value = keys.Select(k => k.Id).ToArray() });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) households.Add(HouseholdRows.Read(r));
        return households;
    }

    /// <summary>The household with this id (ids are national), or null when there is none.</summary>
    public static async Task<Household?> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string id, CancellationToken ct)
    {
        await using var find = new NpgsqlCommand(SqlFile.Load("Ingest.household_county"), conn, tx);
        find.Parameters.Add(new() { Value = id });
        if (await find.ExecuteScalarAsync(ct) is not long county) return null;
        return (await ReadAsync(conn, tx, [(county, id)], ct)).SingleOrDefault();
    }
}
