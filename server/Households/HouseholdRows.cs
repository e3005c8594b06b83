using Npgsql;
using RiskMap.Geodata.Domain;

namespace RiskMap.Server.Households;

/// <summary>Maps household rows (as <c>read_households.sql</c> selects them) back to <see cref="Household"/>.</summary>
public static class HouseholdRows
{
    public static Household Read(NpgsqlDataReader r)
    {
        var kinds = r.GetFieldValue<string[]>(28);
        var dates = r.GetFieldValue<DateOnly[]>(29);
        var measures = new AssistanceMeasure[kinds.Length];
        for (var i = 0; i < kinds.Length; i++) measures[i] = new AssistanceMeasure(kinds[i], dates[i]);
        return new Household
        {
            HouseholdId = r.GetString(0), VillageCode = new UnitCode(r.GetInt64(1)), Lon = r.GetDouble(2), Lat = r.GetDouble(3),
            Members = r.GetInt16(4), Labour = r.GetInt16(5), IncomePerCapita = r.GetInt32(6),
            WageIncome = NullableInt(r, 7), BusinessIncome = NullableInt(r, 8), PropertyIncome = NullableInt(r, 9),
            TransferIncome = NullableInt(r, 10), IncomeLastYear = NullableInt(r, 11), RigidExpenditure = r.GetInt32(12),
            FormerlyPoor = r.GetBoolean(13), Dibao = r.GetBoolean(14), Tekun = r.GetBoolean(15), Relocated = r.GetBoolean(16),
            SiteId = r.IsDBNull(17) ? null : r.GetInt64(17), HousingUnsafe = r.GetBoolean(18), ChildOutOfSchool = r.GetBoolean(19),
            NoMedicalInsurance = r.GetBoolean(20), WaterUnsafe = r.GetBoolean(21), RiskTypes = r.GetFieldValue<string[]>(22),
            Monitoring = (MonitoringStatus)r.GetInt16(23), MonitoredSince = NullableDate(r, 24), RiskEliminatedOn = NullableDate(r, 25),
            EliminationMethod = r.IsDBNull(26) ? null : r.GetString(26), LastVisitOn = NullableDate(r, 27), Assistance = measures,
        };
    }

    private static int? NullableInt(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    private static DateOnly? NullableDate(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
}
