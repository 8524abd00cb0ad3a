namespace WeatherFlow.Tests.Infrastructure;

/// <summary>
/// Just enough of the protobuf wire format to read OTLP exports: the length-delimited fields of a message (nested
/// messages, strings, bytes). The exporter's own types are internal, and a generated parser is more than a test needs.
/// </summary>
internal static class ProtobufFields
{
    public static List<(int Field, ReadOnlyMemory<byte> Value)> Read(ReadOnlyMemory<byte> message)
    {
        var fields = new List<(int, ReadOnlyMemory<byte>)>();
        var span = message.Span;
        var position = 0;
        while (position < span.Length)
        {
            var tag = ReadVarint(span, ref position);
            switch (tag & 7)
            {
                case 0:
                    ReadVarint(span, ref position);
                    break;
                case 1:
                    position += 8;
                    break;
                case 5:
                    position += 4;
                    break;
                case 2:
                    var length = (int)ReadVarint(span, ref position);
                    fields.Add(((int)(tag >> 3), message.Slice(position, length)));
                    position += length;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type {tag & 7}.");
            }
        }
        return fields;
    }

    public static IEnumerable<ReadOnlyMemory<byte>> All(ReadOnlyMemory<byte> message, int field) =>
        Read(message).Where(f => f.Field == field).Select(f => f.Value);

    public static ReadOnlyMemory<byte> One(ReadOnlyMemory<byte> message, int field) => All(message, field).FirstOrDefault();

    public static string String(ReadOnlyMemory<byte> message, int field) => System.Text.Encoding.UTF8.GetString(One(message, field).Span);

    private static ulong ReadVarint(ReadOnlySpan<byte> span, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = span[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
