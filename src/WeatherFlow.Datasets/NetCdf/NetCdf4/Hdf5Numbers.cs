using System.Numerics;
using PureHDF;
using PureHDF.Selections;

namespace WeatherFlow.Datasets.NetCdf.NetCdf4;

/// <summary>
/// Reads HDF5 numbers in the variable's own stored type (PureHDF does not convert between types) and unpacks them.
/// </summary>
internal static class Hdf5Numbers
{
    public static double[] Read(NetCdfType type, IH5Attribute attribute) => type switch
    {
        NetCdfType.Byte => Widen(attribute.Read<sbyte[]>()),
        NetCdfType.UByte or NetCdfType.Char => Widen(attribute.Read<byte[]>()),
        NetCdfType.Short => Widen(attribute.Read<short[]>()),
        NetCdfType.UShort => Widen(attribute.Read<ushort[]>()),
        NetCdfType.Int => Widen(attribute.Read<int[]>()),
        NetCdfType.UInt => Widen(attribute.Read<uint[]>()),
        NetCdfType.Int64 => Widen(attribute.Read<long[]>()),
        NetCdfType.UInt64 => Widen(attribute.Read<ulong[]>()),
        NetCdfType.Float => Widen(attribute.Read<float[]>()),
        NetCdfType.Double => attribute.Read<double[]>(),
        _ => throw new NetCdfFormatException($"Attribute '{attribute.Name}' is not numeric."),
    };

    public static void Read<TValue>(IH5Dataset dataset, NetCdfType type, Selection selection, NetCdfUnpacking unpacking, Span<TValue> values)
        where TValue : IFloatingPointIeee754<TValue>
    {
        ulong[] memoryDims = [(ulong)values.Length];
        switch (type)
        {
            case NetCdfType.Byte: unpacking.Apply<sbyte, TValue>(dataset.Read<sbyte[]>(selection, null, memoryDims), values); break;
            case NetCdfType.UByte or NetCdfType.Char: unpacking.Apply<byte, TValue>(dataset.Read<byte[]>(selection, null, memoryDims), values); break;
            case NetCdfType.Short: unpacking.Apply<short, TValue>(dataset.Read<short[]>(selection, null, memoryDims), values); break;
            case NetCdfType.UShort: unpacking.Apply<ushort, TValue>(dataset.Read<ushort[]>(selection, null, memoryDims), values); break;
            case NetCdfType.Int: unpacking.Apply<int, TValue>(dataset.Read<int[]>(selection, null, memoryDims), values); break;
            case NetCdfType.UInt: unpacking.Apply<uint, TValue>(dataset.Read<uint[]>(selection, null, memoryDims), values); break;
            case NetCdfType.Int64: unpacking.Apply<long, TValue>(dataset.Read<long[]>(selection, null, memoryDims), values); break;
            case NetCdfType.UInt64: unpacking.Apply<ulong, TValue>(dataset.Read<ulong[]>(selection, null, memoryDims), values); break;
            case NetCdfType.Float: unpacking.Apply<float, TValue>(dataset.Read<float[]>(selection, null, memoryDims), values); break;
            case NetCdfType.Double: unpacking.Apply<double, TValue>(dataset.Read<double[]>(selection, null, memoryDims), values); break;
            default: throw new NetCdfFormatException($"Variable '{dataset.Name}' holds {type} values, not numbers.");
        }
    }

    private static double[] Widen<T>(T[] values) where T : INumberBase<T>
    {
        var widened = new double[values.Length];
        NetCdfUnpacking.None.Apply<T, double>(values, widened);
        return widened;
    }
}
