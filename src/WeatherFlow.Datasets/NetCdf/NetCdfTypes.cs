namespace WeatherFlow.Datasets.NetCdf;

public enum NetCdfFormat { Classic, Offset64, NetCdf4 }

public enum NetCdfType { Byte, Char, Short, Int, Float, Double, UByte, UShort, UInt, Int64, UInt64, String }

public sealed record NetCdfDimension(string Name, long Length, bool IsUnlimited);

/// <summary>An attribute: text (<see cref="Text"/>) or numbers (<see cref="Numbers"/>), the other null.</summary>
public sealed record NetCdfAttribute(string Name, string? Text, IReadOnlyList<double>? Numbers);

/// <summary>A variable's header: its dimensions in order, its stored type and its attributes.</summary>
public sealed record NetCdfVariable(string Name, IReadOnlyList<NetCdfDimension> Dimensions, NetCdfType Type, IReadOnlyList<NetCdfAttribute> Attributes)
{
    public IReadOnlyList<long> Shape => [.. Dimensions.Select(dimension => dimension.Length)];

    public NetCdfAttribute? Attribute(string name) => Attributes.FirstOrDefault(attribute => attribute.Name == name);
}

/// <summary>Bounds a reader holds a file to before it allocates: a header claiming more is malformed.</summary>
public sealed record NetCdfLimits(long MaxHeaderBytes = 16 << 20, long MaxVariableBytes = 2L << 30, int MaxNameLength = 256, int MaxCount = 8192);

/// <summary>A file that is not NetCDF or is malformed; the message names the variable or header part at fault.</summary>
public sealed class NetCdfFormatException(string message, Exception? inner = null) : Exception(message, inner);
