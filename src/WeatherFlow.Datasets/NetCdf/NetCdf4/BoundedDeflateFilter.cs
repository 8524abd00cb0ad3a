using System.IO.Compression;
using PureHDF.Filters;

namespace WeatherFlow.Datasets.NetCdf.NetCdf4;

/// <summary>
/// Replaces PureHDF's deflate filter, which inflates into a growing stream without end: a corrupt or hostile chunk
/// could inflate to gigabytes. This one inflates into exactly the chunk's declared size (its shape × element size)
/// and refuses a chunk that inflates to more or less.
/// </summary>
internal sealed class BoundedDeflateFilter : IH5Filter
{
    public ushort FilterId => DeflateFilter.Id;

    public string Name => "deflate (bounded)";

    public Memory<byte> Filter(FilterInfo info)
    {
        if (!info.Flags.HasFlag(H5FilterFlags.Decompress))
            throw new NotSupportedException("This reader only inflates.");
        var chunk = new byte[info.ChunkSize];
        using var deflated = new ZLibStream(new MemoryStream(info.Buffer.ToArray(), writable: false), CompressionMode.Decompress);
        deflated.ReadExactly(chunk);
        if (deflated.ReadByte() != -1)
            throw new InvalidDataException($"A deflated chunk inflates past its declared {info.ChunkSize} bytes.");
        return chunk;
    }

    public uint[] GetParameters(uint[] chunkDimensions, uint typeSize, Dictionary<string, object>? options) =>
        throw new NotSupportedException("This reader does not write.");
}
