using System.Text.Json;
using Npgsql;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;
using RiskMap.Server.Statistics;

namespace RiskMap.Server.Units;

/// <summary>Reads units and their figures, with small counts withheld as <see cref="SmallCounts"/> says.</summary>
public sealed class UnitQueries(NpgsqlDataSource db)
{
    public async Task<UnitDto?> GetAsync(UnitCode code, SmallCounts counts, CancellationToken ct)
    {
        var units = await ReadAsync(code.Value, null, counts, ct);
        if (units.Count == 0) return null;
        var unit = units[0];
        if (code.Level < UnitLevel.Village) unit = unit with { ZoneCounts = await CountZonesAsync(code, ct) };
        return code.Level <= UnitLevel.Prefecture
            ? unit with { KeyCountyComparison = await CompareKeyCountiesAsync(code, counts, ct) }
            : unit;
    }

    /// <summary>
    /// Where a viewer starts in <paramref name="area"/>: the units without a parent (provinces, or
    /// whatever tops an imported hierarchy) for the whole country, else the area's own unit.
    /// </summary>
    public Task<List<UnitDto>> RootsAsync(AreaScope area, SmallCounts counts, CancellationToken ct) =>
        ReadAsync(area.Root?.Value, null, counts, ct);

    /// <summary>The most points a history gives: a busier period comes as the figures at the end of as many equal slices.</summary>
    public const int MaxHistoryPoints = 5000;

    public async Task<List<UnitHistoryPointDto>> HistoryAsync(UnitCode code, DateTimeOffset from, DateTimeOffset to, SmallCounts counts, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Units.history"));
        cmd.Parameters.Add(new() { Value = code.Value });
        cmd.Parameters.Add(new() { Value = from });
        cmd.Parameters.Add(new() { Value = to });
        cmd.Parameters.Add(new() { Value = MaxHistoryPoints });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var points = new List<UnitHistoryPointDto>();
        while (await r.ReadAsync(ct)) points.Add(HistoryPoint(r, 0, counts));
        return points;
    }

    /// <summary>
    /// The figures of every unit in <paramref name="subtree"/> as they were at <paramref name="at"/>
    /// (each unit's last history row by then), parents before children; null figures for a unit that had none by then.
    /// </summary>
    public async Task<List<UnitAsOfDto>> AsOfAsync(AreaScope subtree, DateTimeOffset at, SmallCounts counts, CancellationToken ct)
    {
        await using var cmd = AsOfCommand("Units.as_of", subtree, at);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var units = new List<UnitAsOfDto>();
        while (await r.ReadAsync(ct))
            units.Add(new UnitAsOfDto(new UnitCode(r.GetInt64(0)).ToString(), LevelName(r.GetInt16(1)), r.IsDBNull(2) ? null : HistoryPoint(r, 2, counts)));
        return units;
    }

    /// <summary>The figures of every resettlement site in a village of <paramref name="subtree"/> as they were at <paramref name="at"/>; null figures for a site that had none by then.</summary>
    public async Task<List<SiteAsOfDto>> SitesAsOfAsync(AreaScope subtree, DateTimeOffset at, SmallCounts counts, CancellationToken ct)
    {
        await using var cmd = AsOfCommand("Units.as_of_sites", subtree, at);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var sites = new List<SiteAsOfDto>();
        while (await r.ReadAsync(ct))
            sites.Add(new SiteAsOfDto(r.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture), r.IsDBNull(1) ? null : HistoryPoint(r, 1, counts)));
        return sites;
    }

    private NpgsqlCommand AsOfCommand(string sql, AreaScope subtree, DateTimeOffset at)
    {
        var cmd = db.CreateCommand(SqlFile.Load(sql));
        cmd.Parameters.Add(new() { Value = subtree.First });
        cmd.Parameters.Add(new() { Value = subtree.Last });
        cmd.Parameters.Add(new() { Value = at });
        return cmd;
    }

    /// <summary>A history row read from column <paramref name="first"/> on: valid_from, households, monitored, level1–3, zone, scale_return.</summary>
    private static UnitHistoryPointDto HistoryPoint(NpgsqlDataReader r, int first, SmallCounts counts)
    {
        int households = r.GetInt32(first + 1), l2 = r.GetInt32(first + 4), l3 = r.GetInt32(first + 5);
        return new UnitHistoryPointDto(r.GetFieldValue<DateTimeOffset>(first), counts.Count(households), counts.Count(r.GetInt32(first + 2)),
            counts.Count(r.GetInt32(first + 3)), counts.Count(l2), counts.Count(l3), counts.Share(l2 + l3, households, Share(l2 + l3, households)),
            r.GetString(first + 6), r.GetBoolean(first + 7));
    }

    public Task<List<UnitDto>> ChildrenAsync(UnitCode parent, SmallCounts counts, CancellationToken ct) => ReadAsync(null, parent.Value, counts, ct);

    private async Task<List<UnitDto>> ReadAsync(long? code, long? parent, SmallCounts counts, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Units.units"));
        cmd.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = code, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = parent, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<UnitDto>();
        while (await r.ReadAsync(ct))
        {
            int households = r.GetInt32(6), monitored = r.GetInt32(7), l1 = r.GetInt32(8), l2 = r.GetInt32(9), l3 = r.GetInt32(10);
            var assisted = r.GetInt32(15);
            var figures = new UnitFiguresDto(
                counts.Count(households), counts.Count(monitored), counts.Count(l1), counts.Count(l2), counts.Count(l3),
                counts.Share(l2 + l3, households, Share(l2 + l3, households)), counts.Share(l3, households, Share(l3, households)),
                new Dictionary<string, int?>
                {
                    ["unstableFormerlyPoor"] = counts.Count(r.GetInt32(11)), ["marginalAtRisk"] = counts.Count(r.GetInt32(12)),
                    ["suddenHardship"] = counts.Count(r.GetInt32(13)),
                },
                (JsonSerializer.Deserialize<Dictionary<string, int>>(r.GetString(14)) ?? []).ToDictionary(e => e.Key, e => counts.Count(e.Value)),
                counts.Count(assisted), counts.Share(assisted, monitored, Share(assisted, monitored)),
                new WorkGapsDto(counts.Count(r.GetInt32(16)), counts.Count(r.GetInt32(17)), counts.Count(r.GetInt32(18))),
                counts.Of(households, r.IsDBNull(19) ? (int?)null : r.GetInt32(19)));
            list.Add(new UnitDto(
                new UnitCode(r.GetInt64(0)).ToString(), LevelName(r.GetInt16(1)), r.GetString(2),
                r.IsDBNull(3) ? null : new UnitCode(r.GetInt64(3)).ToString(),
                r.GetFieldValue<long[]>(24).Select(c => new UnitCode(c).ToString()).ToList(),
                r.GetBoolean(4), r.GetBoolean(5), figures, r.GetString(20), r.GetBoolean(21), r.GetInt64(22),
                r.IsDBNull(23) ? null : r.GetFieldValue<DateTimeOffset>(23), null,
                r.IsDBNull(25) ? null : [r.GetDouble(25), r.GetDouble(26), r.GetDouble(27), r.GetDouble(28)],
                r.IsDBNull(29) ? null : [r.GetDouble(29), r.GetDouble(30)], OfficialName: r.GetString(31)));
        }
        return list;
    }

    private async Task<KeyCountyComparisonDto> CompareKeyCountiesAsync(UnitCode code, SmallCounts counts, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Units.key_county_comparison"));
        cmd.Parameters.Add(new() { Value = code.Value });
        cmd.Parameters.Add(new() { Value = StatisticsStore.SpanOf(code.Level) });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var empty = new CountyGroupDto(0, 0, 0, 0, 0, 0, 0, 0, 0);
        CountyGroupDto key = empty, other = empty;
        while (await r.ReadAsync(ct))
        {
            int hh = r.GetInt32(2), l2 = r.GetInt32(5), l3 = r.GetInt32(6);
            var group = new CountyGroupDto(r.GetInt32(1), counts.Count(hh), counts.Count(r.GetInt32(3)), counts.Count(r.GetInt32(4)),
                counts.Count(l2), counts.Count(l3), counts.Share(l2 + l3, hh, Share(l2 + l3, hh)), r.GetInt32(7), counts.Count(r.GetInt32(8)));
            if (r.GetBoolean(0)) key = group; else other = group;
        }
        return new KeyCountyComparisonDto(key, other);
    }

    private async Task<Dictionary<string, ZoneCountDto>> CountZonesAsync(UnitCode code, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(SqlFile.Load("Units.zone_counts"));
        cmd.Parameters.Add(new() { Value = code.Value });
        cmd.Parameters.Add(new() { Value = StatisticsStore.SpanOf(code.Level) });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var counts = new Dictionary<string, ZoneCountDto>();
        while (await r.ReadAsync(ct))
        {
            var level = LevelName(r.GetInt16(0));
            var c = counts.GetValueOrDefault(level) ?? new ZoneCountDto(0, 0, 0);
            var n = r.GetInt32(2);
            counts[level] = r.GetString(1) switch
            {
                "red" => c with { Red = n },
                "yellow" => c with { Yellow = n },
                _ => c with { Green = c.Green + n },
            };
        }
        return counts;
    }

    /// <summary>A stored level (1–5) as the API names it: province … village.</summary>
    internal static string LevelName(short level) => ((UnitLevel)level).ToString().ToLowerInvariant();

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 6);
}
