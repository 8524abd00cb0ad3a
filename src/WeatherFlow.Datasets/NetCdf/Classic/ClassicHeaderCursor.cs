using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace WeatherFlow.Datasets.NetCdf.Classic;

/// <summary>
/// Reads the header forward through a small window over the file, so only the header is ever in memory, and refuses
/// any read that would pass the file's end or <see cref="NetCdfLimits.MaxHeaderBytes"/> before buffering it.
/// </summary>
internal sealed class ClassicHeaderCursor(SafeFileHandle file, long fileLength, NetCdfLimits limits)
{
    private const int WindowBytes = 64 << 10;

    private byte[] window = [];
    private long windowStart;
    private int windowLength;

    public long Position { get; private set; }

    public long RemainingBytes => Math.Min(fileLength, limits.MaxHeaderBytes) - Position;

    public ReadOnlySpan<byte> Take(long count, string part)
    {
        if (count < 0)
            throw new NetCdfFormatException($"The header claims a negative size ({count}) for {part}.");
        if (count > fileLength - Position)
            throw new NetCdfFormatException($"The header is truncated in {part}: it needs {count} bytes at offset {Position} of a {fileLength}-byte file.");
        if (count > Math.Min(limits.MaxHeaderBytes, int.MaxValue) - Position)
            throw new NetCdfFormatException($"The header passes {limits.MaxHeaderBytes} bytes (MaxHeaderBytes) in {part}.");
        if (Position + count > windowStart + windowLength)
            Refill((int)count, part);
        var taken = window.AsSpan((int)(Position - windowStart), (int)count);
        Position += count;
        return taken;
    }

    public int ReadInt32(string part) => BinaryPrimitives.ReadInt32BigEndian(Take(4, part));

    public long ReadInt64(string part) => BinaryPrimitives.ReadInt64BigEndian(Take(8, part));

    public uint ReadUInt32(string part) => BinaryPrimitives.ReadUInt32BigEndian(Take(4, part));

    /// <summary>A count of list elements, refused past <see cref="NetCdfLimits.MaxCount"/>.</summary>
    public int ReadCount(string part)
    {
        var count = ReadInt32(part);
        if (count < 0 || count > limits.MaxCount)
            throw new NetCdfFormatException($"The header claims {count} elements in {part} (at most {limits.MaxCount}).");
        return count;
    }

    public string ReadName(string part)
    {
        var length = ReadInt32($"the name length of {part}");
        if (length < 0 || length > limits.MaxNameLength)
            throw new NetCdfFormatException($"The header claims a {length}-byte name for {part} (at most {limits.MaxNameLength}).");
        var bytes = TakePadded(length, $"the name of {part}");
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new NetCdfFormatException($"The name of {part} is not UTF-8.", e);
        }
    }

    /// <summary>Values padded to a 4-byte boundary, as every name and attribute value in the header is.</summary>
    public ReadOnlySpan<byte> TakePadded(long count, string part)
    {
        var padded = (count + 3) & ~3L;
        return Take(padded, part)[..(int)count];
    }

    private void Refill(int count, string part)
    {
        var length = (int)Math.Min(Math.Max(count, WindowBytes), Math.Min(fileLength, limits.MaxHeaderBytes) - Position);
        if (window.Length < length)
            window = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = RandomAccess.Read(file, window.AsSpan(read, length - read), Position + read);
            if (n == 0)
                throw new NetCdfFormatException($"The file ended while reading {part}.");
            read += n;
        }
        windowStart = Position;
        windowLength = length;
    }
}
