using System.Numerics;
using PureHDF;
using PureHDF.Filters;
using PureHDF.Selections;
using PureHDF.VOL.Native;

namespace WeatherFlow.Datasets.NetCdf.NetCdf4;

/// <summary>
/// A NetCDF-4 file, read through PureHDF. PureHDF throws what it likes on a malformed file, so every call into it
/// is wrapped into a <see cref="NetCdfFormatException"/> naming the variable being read.
/// </summary>
internal sealed class NetCdf4File : NetCdfFile
{
    private readonly NativeFile file;
    private readonly NetCdf4Header header;
    private readonly NetCdfLimits limits;

    // PureHDF's filters are registered process-wide; ours replaces its unbounded deflate before any chunk is read.
    static NetCdf4File() => H5Filter.Register(new BoundedDeflateFilter());

    private NetCdf4File(NativeFile file, NetCdf4Header header, NetCdfLimits limits)
    {
        this.file = file;
        this.header = header;
        this.limits = limits;
    }

    public static NetCdf4File OpenHdf5(string path, NetCdfLimits limits)
    {
        NativeFile? file = null;
        try
        {
            file = H5File.OpenRead(path);
            return new NetCdf4File(file, NetCdf4HeaderReader.Read(file, limits), limits);
        }
        catch (Exception e)
        {
            file?.Dispose();
            if (e is NetCdfFormatException)
                throw;
            throw new NetCdfFormatException($"'{Path.GetFileName(path)}' is an HDF5 file whose NetCDF-4 header cannot be read: {e.Message}", e);
        }
    }

    public override NetCdfFormat Format => NetCdfFormat.NetCdf4;
    public override IReadOnlyList<NetCdfDimension> Dimensions => header.Dimensions;
    public override IReadOnlyList<NetCdfAttribute> Attributes => header.Attributes;
    public override IReadOnlyList<NetCdfVariable> Variables => [.. header.Variables.Select(variable => variable.Header)];

    public override double[] ReadDoubles(NetCdfVariable variable)
    {
        var stored = Find(variable);
        var values = new double[NetCdfReadBudget.ValueCount(variable, variable.Shape, limits)];
        if (variable.Dimensions.Count == 0)
        {
            Read<double>(stored, new AllSelection(), values);
            return values;
        }
        var storedValues = values.Length / Math.Max(1, variable.Shape[0]) * stored.StoredRecords;
        ulong[] starts = [.. variable.Shape.Select(_ => 0UL)];
        ulong[] blocks = [(ulong)stored.StoredRecords, .. variable.Shape.Skip(1).Select(length => (ulong)length)];
        Read(stored, new HyperslabSelection(variable.Dimensions.Count, starts, blocks), values.AsMemory(0, (int)storedValues));
        values.AsSpan((int)storedValues).Fill(double.NaN);
        return values;
    }

    public override float[] ReadSlice(NetCdfVariable variable, int index)
    {
        var stored = Find(variable);
        if (variable.Dimensions.Count == 0)
            throw new ArgumentException($"Variable '{variable.Name}' is a scalar: it has no dimension to slice along.", nameof(variable));
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, variable.Shape[0]);
        var values = new float[NetCdfReadBudget.ValueCount(variable, variable.Shape.Skip(1), limits)];
        if (index >= stored.StoredRecords)
        {
            values.AsSpan().Fill(float.NaN);
            return values;
        }
        ulong[] starts = [(ulong)index, .. variable.Shape.Skip(1).Select(_ => 0UL)];
        ulong[] blocks = [1UL, .. variable.Shape.Skip(1).Select(length => (ulong)length)];
        Read<float>(stored, new HyperslabSelection(variable.Dimensions.Count, starts, blocks), values);
        return values;
    }

    public override void Dispose() => file.Dispose();

    private NetCdf4Variable Find(NetCdfVariable variable) =>
        header.Variables.FirstOrDefault(candidate => candidate.Header == variable)
        ?? throw new ArgumentException($"Variable '{variable.Name}' is not one of this file's variables.", nameof(variable));

    private void Read<TValue>(NetCdf4Variable variable, Selection selection, Memory<TValue> values)
        where TValue : IFloatingPointIeee754<TValue>
    {
        var name = variable.Header.Name;
        try
        {
            CheckChunkSize(variable);
            if (values.Length > 0)
                Hdf5Numbers.Read(variable.Dataset, variable.Header.Type, selection, NetCdfUnpacking.For(variable.Header), values.Span);
        }
        catch (Exception e) when (e is not NetCdfFormatException)
        {
            throw new NetCdfFormatException($"Variable '{name}' cannot be read: {e.Message}", e);
        }
    }

    /// <summary>PureHDF allocates a whole chunk to read any part of it, so a chunk's declared size is bounded too.</summary>
    private void CheckChunkSize(NetCdf4Variable variable)
    {
        if (variable.Dataset.Layout.Class != H5DataLayoutClass.Chunked)
            return;
        var chunkShape = variable.Dataset.Layout.Chunks.Select(length => (long)length);
        NetCdfReadBudget.ValueCount(variable.Header with { Name = $"{variable.Header.Name}' (one chunk)" }, chunkShape, limits);
    }
}
