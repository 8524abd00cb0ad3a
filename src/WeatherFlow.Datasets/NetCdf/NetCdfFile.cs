using WeatherFlow.Datasets.NetCdf.Classic;
using WeatherFlow.Datasets.NetCdf.NetCdf4;

namespace WeatherFlow.Datasets.NetCdf;

/// <summary>
/// One NetCDF file opened for reading: NetCDF classic (CDF-1, CDF-2) or NetCDF-4 (HDF5), told apart by the magic
/// number. Only the header is read on open; a variable's values are read when asked for. Every size the file claims
/// is checked against the file's length and <see cref="NetCdfLimits"/> before anything is allocated, so a malformed
/// file fails with <see cref="NetCdfFormatException"/> in bounded memory.
/// </summary>
public abstract class NetCdfFile : IDisposable
{
    /// <exception cref="NetCdfFormatException">Not a NetCDF file, or one whose header is malformed.</exception>
    public static NetCdfFile Open(string path, NetCdfLimits limits)
    {
        var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            Span<byte> magic = stackalloc byte[8];
            var magicLength = RandomAccess.Read(file, magic, 0);
            if (magicLength >= 4 && magic[..3].SequenceEqual("CDF"u8))
                return ClassicFile.Open(file, limits);
            if (magicLength == 8 && magic.SequenceEqual(Hdf5Signature))
            {
                file.Dispose();
                return NetCdf4File.OpenHdf5(path, limits);
            }
            throw new NetCdfFormatException($"'{Path.GetFileName(path)}' is not a NetCDF file: its magic number is neither CDF nor HDF5's.");
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    // netCDF-C writes NetCDF-4 files without a user block, so the HDF5 signature is looked for at offset 0 only.
    private static ReadOnlySpan<byte> Hdf5Signature => [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A];

    public abstract NetCdfFormat Format { get; }
    public abstract IReadOnlyList<NetCdfDimension> Dimensions { get; }
    public abstract IReadOnlyList<NetCdfAttribute> Attributes { get; }
    public abstract IReadOnlyList<NetCdfVariable> Variables { get; }

    /// <summary>
    /// A variable's values in row-major order as doubles, with <c>scale_factor</c>/<c>add_offset</c> applied and
    /// <c>_FillValue</c>/<c>missing_value</c> (or the format's default fill) turned into NaN. For coordinates.
    /// </summary>
    /// <exception cref="NetCdfFormatException">The data lies outside the file or cannot be decoded.</exception>
    public abstract double[] ReadDoubles(NetCdfVariable variable);

    /// <summary>
    /// The values at <paramref name="index"/> along the variable's first dimension (one time step of a
    /// (time, …) field), row-major, as floats with packing applied and fill turned into NaN.
    /// </summary>
    /// <exception cref="NetCdfFormatException">The data lies outside the file or cannot be decoded.</exception>
    public abstract float[] ReadSlice(NetCdfVariable variable, int index);

    public abstract void Dispose();
}
