using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Risk;

namespace RiskMap.Server.Households;

/// <summary>The policy lines of table policy_parameter, read at start-up and on <see cref="ReloadAsync"/>.</summary>
public sealed class PolicyTableSource(NpgsqlDataSource db)
{
    private PolicyTable? _current;

    public PolicyTable Current => _current ?? throw new InvalidOperationException("policy lines not loaded yet: call ReloadAsync at start-up");

    public async Task ReloadAsync(CancellationToken ct)
    {
        var lines = new List<PolicyLine>();
        await using var cmd = db.CreateCommand("SELECT province_code, year, monitoring_line, dibao_line, source, is_example FROM policy_parameter");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            lines.Add(new PolicyLine(new UnitCode(r.GetInt64(0)), r.GetInt16(1), r.GetInt32(2), r.GetInt32(3), r.GetString(4), r.GetBoolean(5)));
        var errors = lines.SelectMany(l => l.Validate()).ToList();
        if (errors.Count > 0) throw new InvalidOperationException("policy_parameter has unusable rows: " + string.Join("; ", errors));
        _current = new PolicyTable(lines);
    }
}
