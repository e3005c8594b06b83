using Npgsql;
using NpgsqlTypes;
using RiskMap.Geodata.Domain;
using RiskMap.Geodata.Loading;
using RiskMap.Server.Database;
using RiskMap.Server.Live;
using RiskMap.Server.Statistics;

namespace RiskMap.Server.Households;

/// <summary>What one write did: households written and the regions whose figures moved.</summary>
public sealed record HouseholdWriteResult(int Written, IReadOnlyList<ChangedSubject> Changed);

/// <summary>
/// Writes households the one way RiskMap writes them: assess each with the risk model, stage
/// them with binary COPY, upsert them reading (and locking) what they were, replace their assistance
/// measures, fold the difference into the statistics of the units they touch, and evaluate the
/// alert rules and record the changes for live clients, all inside the caller's transaction so
/// figures, alerts and what clients are told never disagree with rows.
/// </summary>
public sealed class HouseholdWriter(HouseholdAssessor assessor, StatisticsMaintainer statistics, ChangeRecorder live, TimeProvider time)
{
    public async Task<HouseholdWriteResult> UpsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<Household> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return new HouseholdWriteResult(0, []);
        // The last row wins when a batch names a household twice.
        var latest = new Dictionary<(long, string), Household>();
        foreach (var h in batch) latest[(h.VillageCode.County.Value, h.HouseholdId)] = h;
        var assessed = latest.Values.Select(assessor.Assess).ToList();
        // One moment for the whole write: rows, figures, history, alerts and the live log agree on when it happened.
        var now = time.GetUtcNow();

        await ExecuteAsync(conn, tx, SqlFile.Load("Households.create_incoming"), ct);
        await StageAsync(conn, assessed, ct);
        var before = await UpsertReadingBeforeAsync(conn, tx, now, ct);
        await ExecuteAsync(conn, tx, SqlFile.Load("Households.delete_assistance"), ct);
        await ExecuteAsync(conn, tx, SqlFile.Load("Households.insert_assistance"), ct);

        var deltas = assessed.Select(a => new HouseholdDelta(
            before.TryGetValue((a.Household.VillageCode.County.Value, a.Household.HouseholdId), out var b) ? b : null, a.Facts)).ToList();
        var changed = await statistics.ApplyAsync(conn, tx, deltas, now, ct);
        await live.RecordAsync(conn, tx, changed, assessed.Select((a, i) => (a.Household.HouseholdId, deltas[i])).ToList(), now, ct);
        return new HouseholdWriteResult(assessed.Count, changed);
    }

    /// <summary>Upserts the staged rows and returns what the existing ones were, locked until commit.</summary>
    private async Task<Dictionary<(long, string), HouseholdFacts>> UpsertReadingBeforeAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, DateTimeOffset now, CancellationToken ct)
    {
        var result = new Dictionary<(long, string), HouseholdFacts>();
        await using var cmd = new NpgsqlCommand(SqlFile.Load("Households.upsert_from_incoming"), conn, tx);
        cmd.Parameters.Add(new() { Value = now });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var village = r.GetInt64(1);
            var monitored = r.GetInt16(4) == (short)MonitoringStatus.Monitored;
            DateOnly? lastAssistance = r.IsDBNull(9) ? null : r.GetFieldValue<DateOnly>(9);
            var facts = new HouseholdFacts(
                village, r.IsDBNull(2) ? null : r.GetInt64(2), r.IsDBNull(3) ? (short)0 : r.GetInt16(3), monitored,
                r.IsDBNull(5) ? null : r.GetInt16(5), HouseholdFacts.MaskOf(r.GetFieldValue<string[]>(6)),
                HouseholdFacts.IsAssisted(monitored, r.GetBoolean(7), r.GetBoolean(8), lastAssistance),
                r.GetBoolean(10), r.GetBoolean(11), r.GetBoolean(12), r.GetInt32(13));
            result[(r.GetInt64(14), r.GetString(0))] = facts;
        }
        return result;
    }

    private static async Task StageAsync(NpgsqlConnection conn, IReadOnlyList<AssessedHousehold> rows, CancellationToken ct)
    {
        await using (var copy = await conn.BeginBinaryImportAsync("COPY household_incoming FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var a in rows)
            {
                var h = a.Household;
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(h.HouseholdId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(h.VillageCode.County.Value, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(h.VillageCode.Value, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(h.Lon, NpgsqlDbType.Double, ct);
                await copy.WriteAsync(h.Lat, NpgsqlDbType.Double, ct);
                await HouseholdCopy.WriteFactsAsync(copy, h, ct);
                await copy.WriteAsync((short)a.Assessment.Level, NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync(a.Assessment.Score, NpgsqlDbType.Real, ct);
                await HouseholdCopy.WriteNullableAsync(copy, (short?)a.Assessment.Category, NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync(a.ReasonsJson, NpgsqlDbType.Jsonb, ct);
                await copy.WriteAsync(a.Assessment.ModelVersion, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(a.Assessment.Gaps.ShouldMonitor, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(a.Assessment.Gaps.Unassisted, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(a.Assessment.Gaps.ShouldExit, NpgsqlDbType.Boolean, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await conn.BeginBinaryImportAsync("COPY assistance_incoming FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var a in rows)
                foreach (var m in a.Household.Assistance)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(a.Household.VillageCode.County.Value, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(a.Household.HouseholdId, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(m.Kind, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(m.StartedOn, NpgsqlDbType.Date, ct);
                }
            await copy.CompleteAsync(ct);
        }
    }


    private static async Task ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
