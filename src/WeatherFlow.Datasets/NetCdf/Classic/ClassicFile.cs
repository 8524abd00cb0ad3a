using System.Numerics;
using Microsoft.Win32.SafeHandles;

namespace WeatherFlow.Datasets.NetCdf.Classic;

/// <summary>
/// A NetCDF classic (CDF-1) or 64-bit offset (CDF-2) file. A reader of our own because no package served to us
/// reads the classic format (PureHDF reads only HDF5, that is NetCDF-4). Data is read at its offsets through
/// <see cref="RandomAccess"/>, so reads need no shared position and the file is never loaded whole.
/// </summary>
internal sealed class ClassicFile : NetCdfFile
{
    private readonly SafeFileHandle file;
    private readonly long fileLength;
    private readonly ClassicHeader header;
    private readonly NetCdfLimits limits;

    private ClassicFile(SafeFileHandle file, long fileLength, ClassicHeader header, NetCdfLimits limits)
    {
        this.file = file;
        this.fileLength = fileLength;
        this.header = header;
        this.limits = limits;
    }

    public static ClassicFile Open(SafeFileHandle file, NetCdfLimits limits)
    {
        var fileLength = RandomAccess.GetLength(file);
        var header = ClassicHeaderParser.Parse(new ClassicHeaderCursor(file, fileLength, limits), fileLength);
        return new ClassicFile(file, fileLength, header, limits);
    }

    public override NetCdfFormat Format => header.Format;
    public override IReadOnlyList<NetCdfDimension> Dimensions => header.Dimensions;
    public override IReadOnlyList<NetCdfAttribute> Attributes => header.Attributes;
    public override IReadOnlyList<NetCdfVariable> Variables => [.. header.Variables.Select(variable => variable.Header)];

    public override double[] ReadDoubles(NetCdfVariable variable)
    {
        var layout = Find(variable);
        var values = new double[NetCdfReadBudget.ValueCount(variable, variable.Shape, limits)];
        if (!layout.IsRecord)
        {
            Read(layout, layout.Begin, values);
            return values;
        }
        var sliceValues = (int)(layout.SliceBytes / NetCdfTypeInfo.SizeOf(variable.Type));
        for (var record = 0; record < header.RecordCount; record++)
            Read(layout, layout.Begin + record * header.RecordBytes, values.AsSpan(record * sliceValues, sliceValues));
        return values;
    }

    public override float[] ReadSlice(NetCdfVariable variable, int index)
    {
        var layout = Find(variable);
        if (variable.Dimensions.Count == 0)
            throw new ArgumentException($"Variable '{variable.Name}' is a scalar: it has no dimension to slice along.", nameof(variable));
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, variable.Shape[0]);
        var values = new float[NetCdfReadBudget.ValueCount(variable, variable.Shape.Skip(1), limits)];
        var sliceOffset = layout.IsRecord
            ? index * header.RecordBytes
            : index * (long)values.Length * NetCdfTypeInfo.SizeOf(variable.Type);
        Read(layout, layout.Begin + sliceOffset, values);
        return values;
    }

    public override void Dispose() => file.Dispose();

    private ClassicVariable Find(NetCdfVariable variable) =>
        header.Variables.FirstOrDefault(candidate => candidate.Header == variable)
        ?? throw new ArgumentException($"Variable '{variable.Name}' is not one of this file's variables.", nameof(variable));

    private void Read<TValue>(ClassicVariable layout, long offset, Span<TValue> values)
        where TValue : IFloatingPointIeee754<TValue>
    {
        var bytes = new byte[values.Length * NetCdfTypeInfo.SizeOf(layout.Header.Type)];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(file, bytes.AsSpan(read), offset + read);
            if (n == 0)
                throw new NetCdfFormatException($"Variable '{layout.Header.Name}': the file ({fileLength} bytes) ends before its data at offset {offset + read}.");
            read += n;
        }
        ClassicValues.Decode(layout.Header.Type, bytes, NetCdfUnpacking.For(layout.Header), values);
    }
}
