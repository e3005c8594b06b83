using Npgsql;
using NpgsqlTypes;
using RiskMap.Server.Households;

namespace RiskMap.Bench;

/// <summary>The baseline: one binary COPY of finished household rows straight into the indexed household table.</summary>
public static class PlainCopy
{
    public static async Task LoadAsync(NpgsqlDataSource db, IReadOnlyList<AssessedHousehold> rows)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var copy = await conn.BeginBinaryImportAsync("""
            COPY household (household_id, county_code, village_code, geom, members, labour, income_per_capita, income_last_year,
                rigid_expenditure, formerly_poor, dibao, risk_types, monitoring_status, monitored_since, last_assistance_on,
                last_visit_on, risk_level, risk_score, category, reasons, model_version, gap_should_monitor, gap_unassisted, gap_should_exit)
            FROM STDIN (FORMAT BINARY)
            """);
        foreach (var a in rows)
        {
            var h = a.Household;
            await copy.StartRowAsync();
            await copy.WriteAsync(h.HouseholdId, NpgsqlDbType.Text);
            await copy.WriteAsync(h.VillageCode.County.Value, NpgsqlDbType.Bigint);
            await copy.WriteAsync(h.VillageCode.Value, NpgsqlDbType.Bigint);
            await copy.WriteAsync(SyntheticRegion.PointEwkb(h.Lon, h.Lat), NpgsqlDbType.Bytea);
            await copy.WriteAsync(h.Members, NpgsqlDbType.Smallint);
            await copy.WriteAsync(h.Labour, NpgsqlDbType.Smallint);
            await copy.WriteAsync(h.IncomePerCapita, NpgsqlDbType.Integer);
            await copy.WriteAsync(h.IncomeLastYear ?? 0, NpgsqlDbType.Integer);
            await copy.WriteAsync(h.RigidExpenditure, NpgsqlDbType.Integer);
            await copy.WriteAsync(h.FormerlyPoor, NpgsqlDbType.Boolean);
            await copy.WriteAsync(h.Dibao, NpgsqlDbType.Boolean);
            await copy.WriteAsync(h.RiskTypes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            await copy.WriteAsync((short)h.Monitoring, NpgsqlDbType.Smallint);
            if (h.MonitoredSince is { } since) await copy.WriteAsync(since, NpgsqlDbType.Date); else await copy.WriteNullAsync();
            if (a.LastAssistanceOn is { } last) await copy.WriteAsync(last, NpgsqlDbType.Date); else await copy.WriteNullAsync();
            if (h.LastVisitOn is { } visit) await copy.WriteAsync(visit, NpgsqlDbType.Date); else await copy.WriteNullAsync();
            await copy.WriteAsync((short)a.Assessment.Level, NpgsqlDbType.Smallint);
            await copy.WriteAsync(a.Assessment.Score, NpgsqlDbType.Real);
            if (a.Assessment.Category is { } c) await copy.WriteAsync((short)c, NpgsqlDbType.Smallint); else await copy.WriteNullAsync();
            await copy.WriteAsync(a.ReasonsJson, NpgsqlDbType.Jsonb);
            await copy.WriteAsync(a.Assessment.ModelVersion, NpgsqlDbType.Text);
            await copy.WriteAsync(a.Assessment.Gaps.ShouldMonitor, NpgsqlDbType.Boolean);
            await copy.WriteAsync(a.Assessment.Gaps.Unassisted, NpgsqlDbType.Boolean);
            await copy.WriteAsync(a.Assessment.Gaps.ShouldExit, NpgsqlDbType.Boolean);
        }
        await copy.CompleteAsync();
    }
}
