using PureHDF;

namespace WeatherFlow.Datasets.NetCdf.NetCdf4;

internal static class Hdf5Types
{
    public static NetCdfType ToNetCdf(IH5DataType type, string owner) => (type.Class, type.Size) switch
    {
        (H5DataTypeClass.FixedPoint, 1) => type.FixedPoint.IsSigned ? NetCdfType.Byte : NetCdfType.UByte,
        (H5DataTypeClass.FixedPoint, 2) => type.FixedPoint.IsSigned ? NetCdfType.Short : NetCdfType.UShort,
        (H5DataTypeClass.FixedPoint, 4) => type.FixedPoint.IsSigned ? NetCdfType.Int : NetCdfType.UInt,
        (H5DataTypeClass.FixedPoint, 8) => type.FixedPoint.IsSigned ? NetCdfType.Int64 : NetCdfType.UInt64,
        (H5DataTypeClass.FloatingPoint, 4) => NetCdfType.Float,
        (H5DataTypeClass.FloatingPoint, 8) => NetCdfType.Double,
        (H5DataTypeClass.String, 1) => NetCdfType.Char,
        (H5DataTypeClass.String, _) or (H5DataTypeClass.VariableLength, _) => NetCdfType.String,
        var (typeClass, size) => throw new NetCdfFormatException($"'{owner}' has HDF5 type {typeClass} of {size} bytes, which NetCDF-4 does not map."),
    };
}
