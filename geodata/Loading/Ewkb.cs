using System.Buffers.Binary;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace RiskMap.Geodata.Loading;

/// <summary>
/// Extended WKB (WKB with the SRID inside) for PostGIS. Binary COPY hands each field's bytes to
/// the column type's receive function, and PostGIS's geometry_recv reads EWKB, so geometry goes
/// into a <c>geometry</c> column directly, with no staging table and no parsing of text.
/// </summary>
internal static class Ewkb
{
    public const int Srid = 4326;
    private const uint PointWithSrid = 0x20000001;

    private static readonly WKBWriter Writer = new(ByteOrder.LittleEndian, handleSRID: true, emitZ: false);

    public static byte[] Of(Geometry geometry)
    {
        if (geometry.SRID != Srid) geometry = geometry.Factory.WithSRID(Srid).CreateGeometry(geometry);
        lock (Writer) return Writer.Write(geometry);
    }

    /// <summary>A point's EWKB written by hand: 25 bytes, and no geometry object per household.</summary>
    public static byte[] Point(double lon, double lat)
    {
        var bytes = new byte[25];
        bytes[0] = 1; // little endian
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(1), PointWithSrid);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(5), Srid);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(9), lon);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(17), lat);
        return bytes;
    }
}
