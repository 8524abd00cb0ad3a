using System.Text;

namespace WeatherFlow.Datasets.NetCdf.Classic;

/// <summary>
/// Parses the header of the classic format (CDF-1) and of its 64-bit offset variant (CDF-2), as laid out in
/// "The NetCDF Classic Format Specification", and checks every variable's data lies inside the file.
/// </summary>
internal static class ClassicHeaderParser
{
    private const int DimensionTag = 0x0A;
    private const int VariableTag = 0x0B;
    private const int AttributeTag = 0x0C;
    private const uint StreamingRecordCount = 0xFFFFFFFF;

    private sealed record RawVariable(string Name, int[] DimensionIds, NetCdfType Type, List<NetCdfAttribute> Attributes, long Begin);

    public static ClassicHeader Parse(ClassicHeaderCursor cursor, long fileLength)
    {
        var magic = cursor.Take(4, "the magic number");
        var format = magic[3] switch
        {
            1 => NetCdfFormat.Classic,
            2 => NetCdfFormat.Offset64,
            5 => throw new NetCdfFormatException("CDF-5 (64-bit data) files are not supported; convert them with nccopy -k nc4."),
            _ => throw new NetCdfFormatException($"Unknown classic format version {magic[3]} in the magic number."),
        };
        var recordCount = cursor.ReadUInt32("numrecs");
        if (recordCount != StreamingRecordCount && recordCount > int.MaxValue)
            throw new NetCdfFormatException($"numrecs claims {recordCount} records.");

        var dimensions = ReadList(cursor, DimensionTag, "dim_list", index => ReadDimension(cursor, index));
        if (dimensions.Count(dimension => dimension.Length == 0) > 1)
            throw new NetCdfFormatException("dim_list declares more than one unlimited (record) dimension.");
        var attributes = ReadAttributes(cursor, "gatt_list");
        var variables = ReadList(cursor, VariableTag, "var_list", index => ReadVariable(cursor, format, dimensions, index));
        return Lay(format, recordCount, cursor.Position, fileLength, dimensions, attributes, variables);
    }

    private static List<T> ReadList<T>(ClassicHeaderCursor cursor, int tag, string part, Func<int, T> readElement)
    {
        var actualTag = cursor.ReadInt32($"the tag of {part}");
        var count = cursor.ReadCount(part);
        if (actualTag == 0 && count == 0)
            return [];
        if (actualTag != tag)
            throw new NetCdfFormatException($"{part} has tag 0x{actualTag:X} where 0x{tag:X} or ABSENT was expected.");
        if (count > cursor.RemainingBytes / 8)
            throw new NetCdfFormatException($"{part} claims {count} elements, more than the header's remaining bytes can hold.");
        var elements = new List<T>(count);
        for (var index = 0; index < count; index++)
            elements.Add(readElement(index));
        return elements;
    }

    private static (string Name, long Length) ReadDimension(ClassicHeaderCursor cursor, int index)
    {
        var name = cursor.ReadName($"dimension {index}");
        var length = cursor.ReadInt32($"the length of dimension '{name}'");
        if (length < 0)
            throw new NetCdfFormatException($"Dimension '{name}' has a negative length ({length}).");
        return (name, length);
    }

    private static List<NetCdfAttribute> ReadAttributes(ClassicHeaderCursor cursor, string part) =>
        ReadList(cursor, AttributeTag, part, index => ReadAttribute(cursor, part, index));

    private static NetCdfAttribute ReadAttribute(ClassicHeaderCursor cursor, string part, int index)
    {
        var name = cursor.ReadName($"attribute {index} of {part}");
        var where = $"attribute '{name}' of {part}";
        var type = ReadType(cursor, where);
        var count = cursor.ReadInt32($"the value count of {where}");
        if (count < 0)
            throw new NetCdfFormatException($"{where} claims a negative value count ({count}).");
        var values = cursor.TakePadded((long)count * NetCdfTypeInfo.SizeOf(type), $"the values of {where}");
        return type == NetCdfType.Char
            ? new NetCdfAttribute(name, Encoding.UTF8.GetString(values).TrimEnd('\0'), null)
            : new NetCdfAttribute(name, null, ClassicValues.DecodeAttribute(type, values));
    }

    private static NetCdfType ReadType(ClassicHeaderCursor cursor, string part) => cursor.ReadInt32($"the type of {part}") switch
    {
        1 => NetCdfType.Byte,
        2 => NetCdfType.Char,
        3 => NetCdfType.Short,
        4 => NetCdfType.Int,
        5 => NetCdfType.Float,
        6 => NetCdfType.Double,
        var other => throw new NetCdfFormatException($"{part} has unknown type {other}."),
    };

    private static RawVariable ReadVariable(ClassicHeaderCursor cursor, NetCdfFormat format, List<(string Name, long Length)> dimensions, int index)
    {
        var name = cursor.ReadName($"variable {index}");
        var where = $"variable '{name}'";
        var rank = cursor.ReadCount($"the dimension count of {where}");
        var dimensionIds = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var id = cursor.ReadInt32($"the dimension ids of {where}");
            if (id < 0 || id >= dimensions.Count)
                throw new NetCdfFormatException($"{where} refers to dimension {id}, which does not exist.");
            if (dimensions[id].Length == 0 && i > 0)
                throw new NetCdfFormatException($"{where} has the record dimension in position {i}, not first.");
            dimensionIds[i] = id;
        }
        var attributes = ReadAttributes(cursor, $"the attributes of {where}");
        var type = ReadType(cursor, where);
        cursor.ReadUInt32($"the vsize of {where}");
        var begin = format == NetCdfFormat.Classic ? cursor.ReadInt32($"the begin of {where}") : cursor.ReadInt64($"the begin of {where}");
        return new RawVariable(name, dimensionIds, type, attributes, begin);
    }

    /// <summary>
    /// Places the variables' data, ignoring the header's vsize (a 32-bit field that cannot hold large variables)
    /// in favour of the size the shape gives.
    /// </summary>
    private static ClassicHeader Lay(
        NetCdfFormat format, uint recordCountField, long headerEnd, long fileLength,
        List<(string Name, long Length)> rawDimensions, List<NetCdfAttribute> attributes, List<RawVariable> rawVariables)
    {
        var sliceBytes = rawVariables.Select(variable => SliceBytes(variable, rawDimensions, fileLength)).ToArray();
        var isRecord = rawVariables.Select(variable => variable.DimensionIds is [var first, ..] && rawDimensions[first].Length == 0).ToArray();
        var recordVariableCount = isRecord.Count(flag => flag);
        // With a single record variable the records are not padded to 4 bytes, so that byte or short records pack.
        var recordBytes = Enumerable.Range(0, rawVariables.Count)
            .Where(i => isRecord[i])
            .Sum(i => recordVariableCount == 1 ? sliceBytes[i] : Padded(sliceBytes[i]));
        var firstRecordBegin = Enumerable.Range(0, rawVariables.Count).Where(i => isRecord[i]).Select(i => rawVariables[i].Begin).DefaultIfEmpty(fileLength).Min();
        var recordCount = recordCountField != StreamingRecordCount ? recordCountField
            : recordBytes == 0 ? 0 : Math.Max(0, fileLength - firstRecordBegin) / recordBytes;

        var dimensions = rawDimensions
            .Select(dimension => dimension.Length == 0
                ? new NetCdfDimension(dimension.Name, recordCount, IsUnlimited: true)
                : new NetCdfDimension(dimension.Name, dimension.Length, IsUnlimited: false))
            .ToArray();
        var variables = new List<ClassicVariable>(rawVariables.Count);
        for (var i = 0; i < rawVariables.Count; i++)
        {
            var raw = rawVariables[i];
            var header = new NetCdfVariable(raw.Name, [.. raw.DimensionIds.Select(id => dimensions[id])], raw.Type, raw.Attributes);
            var variable = new ClassicVariable(header, raw.Begin, isRecord[i], sliceBytes[i]);
            CheckInsideFile(variable, headerEnd, fileLength, recordCount, recordBytes);
            variables.Add(variable);
        }
        return new ClassicHeader(format, recordCount, recordBytes, dimensions, attributes, variables);
    }

    /// <summary>The bytes of one record of a record variable, or of the whole of a fixed one.</summary>
    private static long SliceBytes(RawVariable variable, List<(string Name, long Length)> dimensions, long fileLength)
    {
        var bytes = (long)NetCdfTypeInfo.SizeOf(variable.Type);
        foreach (var id in variable.DimensionIds)
        {
            var length = dimensions[id].Length;
            if (length == 0)
                continue;
            if (bytes > fileLength / length)
                throw new NetCdfFormatException($"Variable '{variable.Name}' claims more data than the {fileLength}-byte file holds.");
            bytes *= length;
        }
        return bytes;
    }

    private static void CheckInsideFile(ClassicVariable variable, long headerEnd, long fileLength, long recordCount, long recordBytes)
    {
        var name = variable.Header.Name;
        if (variable.Begin < headerEnd || variable.Begin > fileLength)
            throw new NetCdfFormatException($"Variable '{name}' begins at offset {variable.Begin}, outside the data part of the file (bytes {headerEnd} to {fileLength}).");
        var records = variable.IsRecord ? recordCount : 1;
        if (records == 0 || variable.SliceBytes == 0)
            return;
        var stride = variable.IsRecord ? recordBytes : 0;
        if (records - 1 > 0 && stride > (fileLength - variable.Begin) / (records - 1))
            throw new NetCdfFormatException($"Variable '{name}': its {records} records end past the file's end ({fileLength} bytes).");
        if (variable.Begin + (records - 1) * stride + variable.SliceBytes > fileLength)
            throw new NetCdfFormatException($"Variable '{name}': its data ends past the file's end ({fileLength} bytes); the file is truncated.");
    }

    private static long Padded(long bytes) => (bytes + 3) & ~3L;
}
