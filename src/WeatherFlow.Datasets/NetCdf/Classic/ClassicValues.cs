using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace WeatherFlow.Datasets.NetCdf.Classic;

/// <summary>
/// Decodes the classic format's big-endian values in place (to spare a copy; the hosts .NET runs on are
/// little-endian) and unpacks them.
/// </summary>
internal static class ClassicValues
{
    public static void Decode<TValue>(NetCdfType type, Span<byte> bytes, NetCdfUnpacking unpacking, Span<TValue> values)
        where TValue : IFloatingPointIeee754<TValue>
    {
        switch (type)
        {
            case NetCdfType.Byte:
                unpacking.Apply<sbyte, TValue>(MemoryMarshal.Cast<byte, sbyte>(bytes), values);
                break;
            case NetCdfType.Char:
                unpacking.Apply<byte, TValue>(bytes, values);
                break;
            case NetCdfType.Short:
                var shorts = MemoryMarshal.Cast<byte, short>(bytes);
                BinaryPrimitives.ReverseEndianness(shorts, shorts);
                unpacking.Apply<short, TValue>(shorts, values);
                break;
            case NetCdfType.Int:
                var ints = MemoryMarshal.Cast<byte, int>(bytes);
                BinaryPrimitives.ReverseEndianness(ints, ints);
                unpacking.Apply<int, TValue>(ints, values);
                break;
            case NetCdfType.Float:
                var floatBits = MemoryMarshal.Cast<byte, int>(bytes);
                BinaryPrimitives.ReverseEndianness(floatBits, floatBits);
                unpacking.Apply<float, TValue>(MemoryMarshal.Cast<byte, float>(bytes), values);
                break;
            case NetCdfType.Double:
                var doubleBits = MemoryMarshal.Cast<byte, long>(bytes);
                BinaryPrimitives.ReverseEndianness(doubleBits, doubleBits);
                unpacking.Apply<double, TValue>(MemoryMarshal.Cast<byte, double>(bytes), values);
                break;
            default:
                throw new NetCdfFormatException($"The classic format has no type {type}.");
        }
    }

    public static double[] DecodeAttribute(NetCdfType type, ReadOnlySpan<byte> bytes)
    {
        var values = new double[bytes.Length / NetCdfTypeInfo.SizeOf(type)];
        Decode<double>(type, bytes.ToArray(), NetCdfUnpacking.None, values);
        return values;
    }
}
