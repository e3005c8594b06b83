using System.Buffers.Binary;
using Npgsql;
using RiskMap.Geodata.Domain;

namespace RiskMap.Bench;

/// <summary>
/// Liangshan's real unit codes (from shared/data/divisions) with stand-in square geometry, and
/// random households: enough realism for write and aggregation benchmarks, which never look at
/// shapes. (The map's geometry comes from geodata's generator.)
/// </summary>
public sealed class SyntheticRegion
{
    public required List<(long Code, short Level, string Name, long? Parent)> Units { get; init; }
    public long[] Villages => Units.Where(u => u.Level == 5).Select(u => u.Code).ToArray();

    public static SyntheticRegion Liangshan()
    {
        var csv = FindSharedFile("data/divisions/sichuan_51.csv");
        var units = new List<(long, short, string, long?)>();
        foreach (var line in File.ReadLines(csv).Skip(1))
        {
            var f = line.Split(',');
            var code = long.Parse(f[1]);
            if (code != 510000000000 && code / 100000000 != 5134) continue;
            short level = f[0] switch { "province" => 1, "prefecture" => 2, "county" => 3, "township" => 4, _ => 5 };
            units.Add((code, level, f[2], f[3].Length == 0 ? null : long.Parse(f[3])));
        }
        return new SyntheticRegion { Units = units };
    }

    public async Task InsertUnitsAsync(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO admin_unit (code, level, name, parent_code, province_code, prefecture_code, county_code, township_code, geom)
            SELECT c, l, n, p, c / 10000000000 * 10000000000,
                   CASE WHEN l >= 2 THEN c / 100000000 * 100000000 END, CASE WHEN l >= 3 THEN c / 1000000 * 1000000 END,
                   CASE WHEN l >= 4 THEN c / 1000 * 1000 END,
                   ST_Multi(ST_MakeEnvelope(100 + (c % 1000) * 0.01, 27 + (c / 1000 % 1000) * 0.001, 100.01 + (c % 1000) * 0.01, 27.001 + (c / 1000 % 1000) * 0.001, 4326))
            FROM unnest($1::bigint[], $2::smallint[], $3::text[], $4::bigint[]) AS u(c, l, n, p)
            ORDER BY l
            """);
        cmd.Parameters.Add(new() { Value = Units.Select(u => u.Code).ToArray() });
        cmd.Parameters.Add(new() { Value = Units.Select(u => u.Level).ToArray() });
        cmd.Parameters.Add(new() { Value = Units.Select(u => u.Name).ToArray() });
        cmd.Parameters.Add(new() { Value = Units.Select(u => u.Parent).ToArray() });
        await cmd.ExecuteNonQueryAsync();
    }

    public static Household RandomHousehold(Random random, string id, long village, DateOnly today)
    {
        // Per-capita income: log-normal around 1.8 × an 8,000 line, so a thin tail falls below it.
        var income = (int)Math.Clamp(Math.Exp(Math.Log(14400) + 0.45 * Gaussian(random)), 1500, 200000);
        var monitored = random.NextDouble() < 0.08;
        return new Household
        {
            HouseholdId = id, VillageCode = new UnitCode(village), Lon = 102.5 + random.NextDouble(), Lat = 28 + random.NextDouble(),
            Members = (short)random.Next(1, 7), Labour = (short)random.Next(0, 4), IncomePerCapita = income,
            IncomeLastYear = (int)(income * (0.8 + 0.4 * random.NextDouble())),
            RigidExpenditure = random.NextDouble() < 0.1 ? random.Next(1000, 40000) : 0,
            FormerlyPoor = random.NextDouble() < 0.3, Dibao = random.NextDouble() < 0.05,
            RiskTypes = random.NextDouble() < 0.15 ? [RiskType.Keys[random.Next(RiskType.Keys.Length)]] : [],
            Monitoring = monitored ? MonitoringStatus.Monitored : MonitoringStatus.NotMonitored,
            MonitoredSince = monitored ? today.AddDays(-random.Next(1, 400)) : null,
            Assistance = monitored && random.NextDouble() < 0.8 ? [new AssistanceMeasure(AssistanceKind.Employment, today.AddDays(-random.Next(0, 300)))] : [],
            LastVisitOn = today.AddDays(-random.Next(0, 200)),
        };
    }

    /// <summary>A point as EWKB with SRID 4326 (what PostGIS's binary input for geometry reads).</summary>
    public static byte[] PointEwkb(double lon, double lat)
    {
        var b = new byte[25];
        b[0] = 1; // little endian
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(1), 0x20000001); // point with SRID flag
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(5), 4326);
        BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(9), lon);
        BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(17), lat);
        return b;
    }

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    private static string FindSharedFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"shared/{relative} not found above {AppContext.BaseDirectory}");
    }
}
