namespace WeatherFlow.Datasets.NetCdf;

internal static class NetCdfTypeInfo
{
    public static int SizeOf(NetCdfType type) => type switch
    {
        NetCdfType.Byte or NetCdfType.Char or NetCdfType.UByte => 1,
        NetCdfType.Short or NetCdfType.UShort => 2,
        NetCdfType.Int or NetCdfType.UInt or NetCdfType.Float => 4,
        NetCdfType.Double or NetCdfType.Int64 or NetCdfType.UInt64 => 8,
        _ => throw new NetCdfFormatException($"The type {type} has no fixed size to read as numbers."),
    };

    /// <summary>
    /// netCDF-C's NC_FILL_* values: a cell never written holds them, so they mean "missing" even when the file
    /// declares no <c>_FillValue</c>. Byte and char have none because netCDF-C itself does not treat their default
    /// fill as missing (any byte value may be data).
    /// </summary>
    public static double? DefaultFill(NetCdfType type) => type switch
    {
        NetCdfType.Short => -32767,
        NetCdfType.Int => -2147483647,
        NetCdfType.Float => 9.9692099683868690e+36f,
        NetCdfType.Double => 9.9692099683868690e+36,
        NetCdfType.UByte => 255,
        NetCdfType.UShort => 65535,
        NetCdfType.UInt => 4294967295,
        NetCdfType.Int64 => -9223372036854775806,
        NetCdfType.UInt64 => 18446744073709551614,
        _ => null,
    };
}
