using System.Text;

namespace RiskMap.Tests.Tiles;

/// <summary>A decoded vector tile feature: id, geometry type (1 point, 2 line, 3 polygon), properties, vertices in tile units.</summary>
public sealed record MvtFeature(ulong? Id, int Type, IReadOnlyDictionary<string, object> Properties, IReadOnlyList<(int X, int Y)> Vertices);

public sealed record MvtLayer(string Name, int Extent, IReadOnlyList<MvtFeature> Features);

/// <summary>
/// A small Mapbox Vector Tile 2.1 reader (protobuf by hand), enough to check what tiles carry.
/// Tile: layers = 3. Layer: name 1, features 2, keys 3, values 4, extent 5, version 15.
/// Feature: id 1, tags 2, type 3, geometry 4.
/// </summary>
public static class Mvt
{
    public static IReadOnlyList<MvtLayer> Decode(byte[] tile)
    {
        var layers = new List<MvtLayer>();
        var r = new Reader(tile);
        while (!r.End)
        {
            var (field, wire) = r.Tag();
            if (field == 3) layers.Add(DecodeLayer(r.Bytes()));
            else r.Skip(wire);
        }
        return layers;
    }

    private static MvtLayer DecodeLayer(ReadOnlyMemory<byte> bytes)
    {
        var r = new Reader(bytes);
        string name = "";
        var extent = 4096;
        var keys = new List<string>();
        var values = new List<object>();
        var raw = new List<(ulong? Id, int Type, List<uint> Tags, List<uint> Geometry)>();
        while (!r.End)
        {
            var (field, wire) = r.Tag();
            switch (field)
            {
                case 1: name = r.String(); break;
                case 2: raw.Add(DecodeFeature(r.Bytes())); break;
                case 3: keys.Add(r.String()); break;
                case 4: values.Add(DecodeValue(r.Bytes())); break;
                case 5: extent = (int)r.Varint(); break;
                default: r.Skip(wire); break;
            }
        }
        var features = raw.Select(f =>
        {
            var props = new Dictionary<string, object>();
            for (var i = 0; i + 1 < f.Tags.Count; i += 2) props[keys[(int)f.Tags[i]]] = values[(int)f.Tags[i + 1]];
            return new MvtFeature(f.Id, f.Type, props, Vertices(f.Geometry));
        }).ToList();
        return new MvtLayer(name, extent, features);
    }

    private static (ulong? Id, int Type, List<uint> Tags, List<uint> Geometry) DecodeFeature(ReadOnlyMemory<byte> bytes)
    {
        var r = new Reader(bytes);
        ulong? id = null;
        var type = 0;
        List<uint> tags = [], geometry = [];
        while (!r.End)
        {
            var (field, wire) = r.Tag();
            switch (field)
            {
                case 1: id = r.Varint(); break;
                case 2: tags = r.Packed(); break;
                case 3: type = (int)r.Varint(); break;
                case 4: geometry = r.Packed(); break;
                default: r.Skip(wire); break;
            }
        }
        return (id, type, tags, geometry);
    }

    private static object DecodeValue(ReadOnlyMemory<byte> bytes)
    {
        var r = new Reader(bytes);
        var (field, _) = r.Tag();
        return field switch
        {
            1 => r.String(),
            2 => (double)BitConverter.ToSingle(r.Fixed(4)),
            3 => BitConverter.ToDouble(r.Fixed(8)),
            4 => (long)r.Varint(),
            5 => (long)r.Varint(),
            6 => ZigZag(r.Varint()),
            7 => r.Varint() != 0,
            _ => throw new InvalidDataException($"MVT value field {field}"),
        };
    }

    // Commands: MoveTo 1 and LineTo 2 carry (dx, dy) zigzag pairs; ClosePath 7 carries none.
    private static List<(int, int)> Vertices(List<uint> geometry)
    {
        var points = new List<(int, int)>();
        int x = 0, y = 0, i = 0;
        while (i < geometry.Count)
        {
            var command = geometry[i] & 7;
            var count = (int)(geometry[i++] >> 3);
            if (command == 7) continue;
            for (var k = 0; k < count; k++)
            {
                x += (int)ZigZag(geometry[i++]);
                y += (int)ZigZag(geometry[i++]);
                points.Add((x, y));
            }
        }
        return points;
    }

    private static long ZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    private sealed class Reader(ReadOnlyMemory<byte> data)
    {
        private int _at;

        public bool End => _at >= data.Length;

        public (int Field, int Wire) Tag()
        {
            var tag = Varint();
            return ((int)(tag >> 3), (int)(tag & 7));
        }

        public ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = data.Span[_at++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return value;
            }
        }

        public ReadOnlyMemory<byte> Bytes()
        {
            var length = (int)Varint();
            var slice = data.Slice(_at, length);
            _at += length;
            return slice;
        }

        public byte[] Fixed(int n)
        {
            var bytes = data.Slice(_at, n).ToArray();
            _at += n;
            return bytes;
        }

        public string String() => Encoding.UTF8.GetString(Bytes().Span);

        public List<uint> Packed()
        {
            var inner = new Reader(Bytes());
            var list = new List<uint>();
            while (!inner.End) list.Add((uint)inner.Varint());
            return list;
        }

        public void Skip(int wire)
        {
            switch (wire)
            {
                case 0: Varint(); break;
                case 1: _at += 8; break;
                case 2: Bytes(); break;
                case 5: _at += 4; break;
                default: throw new InvalidDataException($"protobuf wire type {wire}");
            }
        }
    }
}
