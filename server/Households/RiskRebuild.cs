using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using RiskMap.Server.Database;

namespace RiskMap.Server.Households;

/// <summary>
/// Re-assesses every household with the same <see cref="HouseholdAssessor"/> the live path uses
/// (after a bulk load, a policy-line change or a new model version), one county per transaction,
/// so a crash leaves each county either as it was or fully re-assessed.
/// </summary>
public sealed class RiskRebuild(NpgsqlDataSource db, HouseholdAssessor assessor, ILogger<RiskRebuild> log)
{
    /// <summary>Re-assesses all households; returns how many.</summary>
    public async Task<long> RunAsync(CancellationToken ct)
    {
        var counties = new List<long>();
        await using (var cmd = db.CreateCommand("SELECT DISTINCT county_code FROM household ORDER BY 1"))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) counties.Add(r.GetInt64(0));

        long total = 0;
        var today = assessor.Today;
        foreach (var county in counties)
            total += await RebuildCountyAsync(county, today, ct);
        log.LogInformation("Re-assessed {Households} households in {Counties} counties", total, counties.Count);
        return total;
    }

    private async Task<int> RebuildCountyAsync(long county, DateOnly today, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var assessed = new List<AssessedHousehold>();
        await using (var read = new NpgsqlCommand(SqlFile.Load("Households.read_households"), conn, tx) { CommandTimeout = 0 })
        {
            read.Parameters.Add(new() { Value = county });
            await using var r = await read.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) assessed.Add(assessor.Assess(HouseholdRows.Read(r), today));
        }
        await using (var create = new NpgsqlCommand(SqlFile.Load("Households.create_assessed"), conn, tx))
            await create.ExecuteNonQueryAsync(ct);
        await using (var copy = await conn.BeginBinaryImportAsync("COPY household_assessed FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var a in assessed)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(county, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(a.Household.HouseholdId, NpgsqlDbType.Text, ct);
                if (a.LastAssistanceOn is { } last) await copy.WriteAsync(last, NpgsqlDbType.Date, ct); else await copy.WriteNullAsync(ct);
                await copy.WriteAsync((short)a.Assessment.Level, NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync(a.Assessment.Score, NpgsqlDbType.Real, ct);
                if (a.Assessment.Category is { } c) await copy.WriteAsync((short)c, NpgsqlDbType.Smallint, ct); else await copy.WriteNullAsync(ct);
                await copy.WriteAsync(a.ReasonsJson, NpgsqlDbType.Jsonb, ct);
                await copy.WriteAsync(a.Assessment.ModelVersion, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(a.Assessment.Gaps.ShouldMonitor, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(a.Assessment.Gaps.Unassisted, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(a.Assessment.Gaps.ShouldExit, NpgsqlDbType.Boolean, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var apply = new NpgsqlCommand(SqlFile.Load("Households.apply_assessed"), conn, tx) { CommandTimeout = 0 })
            await apply.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return assessed.Count;
    }
}
