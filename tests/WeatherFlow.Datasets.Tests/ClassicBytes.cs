using System.Buffers.Binary;

namespace WeatherFlow.Datasets.Tests;

/// <summary>
/// Hand-built classic headers: one dimension "x", one float variable "v"(x), every field settable so a test can
/// make exactly one of them lie. The header is 80 bytes, so a truthful begin is 80.
/// </summary>
internal sealed record ClassicBytes(
    int DimensionCount = 1, int NameLength = 1, int DimensionLength = 4, int? GlobalAttributeValueCount = null,
    long Begin = 80, int DataFloats = 4, byte Version = 1, int SecondDimensionLength = -1)
{
    public byte[] Build()
    {
        var bytes = new List<byte>("CDF"u8.ToArray()) { Version };
        Int(bytes, 0);
        Int(bytes, 0x0A);
        Int(bytes, SecondDimensionLength >= 0 ? DimensionCount + 1 : DimensionCount);
        Int(bytes, NameLength);
        bytes.AddRange("x\0\0\0"u8.ToArray());
        Int(bytes, DimensionLength);
        if (SecondDimensionLength >= 0)
        {
            Int(bytes, 1);
            bytes.AddRange("y\0\0\0"u8.ToArray());
            Int(bytes, SecondDimensionLength);
        }
        if (GlobalAttributeValueCount is { } valueCount)
        {
            Int(bytes, 0x0C);
            Int(bytes, 1);
            Int(bytes, 1);
            bytes.AddRange("a\0\0\0"u8.ToArray());
            Int(bytes, 6);
            Int(bytes, valueCount);
        }
        else
        {
            Int(bytes, 0);
            Int(bytes, 0);
        }
        Int(bytes, 0x0B);
        Int(bytes, 1);
        Int(bytes, 1);
        bytes.AddRange("v\0\0\0"u8.ToArray());
        Int(bytes, SecondDimensionLength >= 0 ? 2 : 1);
        Int(bytes, 0);
        if (SecondDimensionLength >= 0)
            Int(bytes, 1);
        Int(bytes, 0);
        Int(bytes, 0);
        Int(bytes, 5);
        Int(bytes, DimensionLength * 4);
        if (Version == 1)
            Int(bytes, (int)Begin);
        else
            Long(bytes, Begin);
        for (var i = 0; i < DataFloats; i++)
            Int(bytes, BitConverter.SingleToInt32Bits(i + 0.5f));
        return [.. bytes];
    }

    private static void Int(List<byte> bytes, int value)
    {
        var buffer = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, value);
        bytes.AddRange(buffer);
    }

    private static void Long(List<byte> bytes, long value)
    {
        var buffer = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(buffer, value);
        bytes.AddRange(buffer);
    }
}
