using Npgsql;
using NpgsqlTypes;
using RiskMap.Geodata.Domain;
using RiskMap.Server.Auth;
using RiskMap.Server.Database;

namespace RiskMap.Server.Units;

/// <summary>One unit found by <see cref="UnitSearch"/>: what it is, the path above it and where a map shows it.</summary>
public sealed record UnitSearchHitDto(
    string Code, string Level, string Name, IReadOnlyList<UnitPathStepDto> Path, double[]? Bbox, double[]? LabelPoint);

/// <summary>An ancestor on a search hit's path (省 › 州 › 县 › 乡).</summary>
public sealed record UnitPathStepDto(string Code, string Name);

/// <summary>
/// Finds units by a Chinese name substring or a division code prefix, inside an area: exact
/// matches first, then prefixes, then substrings.
/// </summary>
public sealed class UnitSearch(NpgsqlDataSource db)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;
    public const int MaxQueryLength = 50;

    public async Task<List<UnitSearchHitDto>> FindAsync(string text, AreaScope area, int limit, CancellationToken ct)
    {
        var (from, to) = CodePrefixRange(text) ?? (null, null);
        long? exact = UnitCode.TryParse(text, out var code) ? code.Value : null;
        await using var cmd = db.CreateCommand(SqlFile.Load("Units.search"));
        cmd.Parameters.Add(new() { Value = text });
        cmd.Parameters.Add(new() { Value = area.First });
        cmd.Parameters.Add(new() { Value = area.Last });
        cmd.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = from, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = to, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = exact, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new() { Value = limit });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var hits = new List<UnitSearchHitDto>();
        while (await r.ReadAsync(ct))
        {
            var codes = r.GetFieldValue<long[]>(3);
            var names = r.GetFieldValue<string[]>(4);
            hits.Add(new UnitSearchHitDto(
                new UnitCode(r.GetInt64(0)).ToString(), UnitQueries.LevelName(r.GetInt16(1)), r.GetString(2),
                codes.Select((c, i) => new UnitPathStepDto(new UnitCode(c).ToString(), names[i])).ToList(),
                r.IsDBNull(5) ? null : [r.GetDouble(5), r.GetDouble(6), r.GetDouble(7), r.GetDouble(8)],
                r.IsDBNull(9) ? null : [r.GetDouble(9), r.GetDouble(10)]));
        }
        return hits;
    }

    /// <summary>The 12-digit codes starting with <paramref name="text"/>'s digits ("5134311" → 513431100000–513431199999); null unless 1–12 digits.</summary>
    public static (long? From, long? To)? CodePrefixRange(string text)
    {
        if (text.Length is 0 or > 12 || !text.All(char.IsAsciiDigit)) return null;
        var scale = (long)Math.Pow(10, 12 - text.Length);
        var prefix = long.Parse(text);
        return (prefix * scale, (prefix + 1) * scale - 1);
    }
}
