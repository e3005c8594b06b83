using Npgsql;
using NpgsqlTypes;
using RiskMap.Geodata.Domain;

namespace RiskMap.Geodata.Loading;

/// <summary>
/// The binary COPY encoding of a household's register fields, shared by every path that COPYs
/// households (the bulk loader into <c>household</c>, the server's writer into its staging table),
/// so the column order and types are written down once.
/// </summary>
public static class HouseholdCopy
{
    /// <summary>The columns <see cref="WriteFactsAsync"/> writes, in order.</summary>
    public const string FactColumns = """
        members, labour, income_per_capita, wage_income, business_income, property_income, transfer_income,
        income_last_year, rigid_expenditure, formerly_poor, dibao, tekun, relocated, site_id, housing_unsafe,
        child_out_of_school, no_medical_insurance, water_unsafe, risk_types, monitoring_status, monitored_since,
        risk_eliminated_on, elimination_method, last_assistance_on, last_visit_on
        """;

    public static async Task WriteFactsAsync(NpgsqlBinaryImporter copy, Household h, CancellationToken ct)
    {
        await copy.WriteAsync(h.Members, NpgsqlDbType.Smallint, ct);
        await copy.WriteAsync(h.Labour, NpgsqlDbType.Smallint, ct);
        await copy.WriteAsync(h.IncomePerCapita, NpgsqlDbType.Integer, ct);
        await WriteNullableAsync(copy, h.WageIncome, NpgsqlDbType.Integer, ct);
        await WriteNullableAsync(copy, h.BusinessIncome, NpgsqlDbType.Integer, ct);
        await WriteNullableAsync(copy, h.PropertyIncome, NpgsqlDbType.Integer, ct);
        await WriteNullableAsync(copy, h.TransferIncome, NpgsqlDbType.Integer, ct);
        await WriteNullableAsync(copy, h.IncomeLastYear, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(h.RigidExpenditure, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(h.FormerlyPoor, NpgsqlDbType.Boolean, ct);
        await copy.WriteAsync(h.Dibao, NpgsqlDbType.Boolean, ct);
        await copy.WriteAsync(h.Tekun, NpgsqlDbType.Boolean, ct);
        await copy.WriteAsync(h.Relocated, NpgsqlDbType.Boolean, ct);
        await WriteNullableAsync(copy, h.SiteId, NpgsqlDbType.Bigint, ct);
        await copy.WriteAsync(h.HousingUnsafe, NpgsqlDbType.Boolean, ct);
        await copy.WriteAsync(h.ChildOutOfSchool, NpgsqlDbType.Boolean, ct);
        await copy.WriteAsync(h.NoMedicalInsurance, NpgsqlDbType.Boolean, ct);
        await copy.WriteAsync(h.WaterUnsafe, NpgsqlDbType.Boolean, ct);
        await copy.WriteAsync(h.RiskTypes as string[] ?? h.RiskTypes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await copy.WriteAsync((short)h.Monitoring, NpgsqlDbType.Smallint, ct);
        await WriteNullableAsync(copy, h.MonitoredSince, NpgsqlDbType.Date, ct);
        await WriteNullableAsync(copy, h.RiskEliminatedOn, NpgsqlDbType.Date, ct);
        if (h.EliminationMethod is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(h.EliminationMethod, NpgsqlDbType.Text, ct);
        // Kept beside the measures so the unassisted-gap query needs no join.
        await WriteNullableAsync(copy, h.LastAssistanceOn, NpgsqlDbType.Date, ct);
        await WriteNullableAsync(copy, h.LastVisitOn, NpgsqlDbType.Date, ct);
    }

    public static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct
    {
        if (value is { } v) await copy.WriteAsync(v, type, ct);
        else await copy.WriteNullAsync(ct);
    }
}
