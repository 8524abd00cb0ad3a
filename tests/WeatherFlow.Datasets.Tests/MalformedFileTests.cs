using System.IO.Compression;
using PureHDF;
using PureHDF.Filters;
using WeatherFlow.Datasets.NetCdf;
using WeatherFlow.Datasets.NetCdf.NetCdf4;

namespace WeatherFlow.Datasets.Tests;

/// <summary>Malformed files built in code: each fails with <see cref="NetCdfFormatException"/>, fast and in bounded memory.</summary>
public sealed class MalformedFileTests : IDisposable
{
    private const string SmallCdl = """
        netcdf small {
        dimensions:
          time = UNLIMITED ;
          lat = 3 ;
        variables:
          float lat(lat) ;
            lat:units = "degrees_north" ;
          short t(time, lat) ;
            t:scale_factor = 0.5 ;
          double d(time) ;
        :title = "small" ;
        data:
          lat = 1, 2, 3 ;
          t = 1, 2, 3, 4, 5, 6 ;
          d = 7, 8 ;
        }
        """;

    private readonly TempDirectory directory = new();
    private readonly NetCdfLimits limits = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void The_hand_built_header_is_valid_when_it_tells_the_truth()
    {
        using var file = NetCdfFile.Open(Write(new ClassicBytes().Build()), limits);

        Assert.Equal([0.5, 1.5, 2.5, 3.5], file.ReadDoubles(file.Variables.Single()));
    }

    public static TheoryData<string, byte[]> HandBuiltLies => new()
    {
        { "empty file", [] },
        { "wrong magic", [.. "XDF"u8, .. new ClassicBytes().Build().Skip(3)] },
        { "three bytes", [.. "CDF"u8] },
        { "CDF-5", new ClassicBytes(Version: 5).Build() },
        { "unknown version", new ClassicBytes(Version: 9).Build() },
        { "dimension count 2^31-1", new ClassicBytes(DimensionCount: int.MaxValue).Build() },
        { "name length 2^31-1", new ClassicBytes(NameLength: int.MaxValue).Build() },
        { "negative name length", new ClassicBytes(NameLength: -4).Build() },
        { "negative dimension length", new ClassicBytes(DimensionLength: -5).Build() },
        { "attribute of 2^31-1 doubles", new ClassicBytes(GlobalAttributeValueCount: int.MaxValue).Build() },
        { "negative attribute count", new ClassicBytes(GlobalAttributeValueCount: -2).Build() },
        { "begin past the end", new ClassicBytes(Begin: 10_000_000).Build() },
        { "negative begin", new ClassicBytes(Begin: -80).Build() },
        { "begin inside the header", new ClassicBytes(Begin: 8).Build() },
        { "64-bit begin past the end", new ClassicBytes(Version: 2, Begin: long.MaxValue - 3).Build() },
        { "data shorter than declared", new ClassicBytes(DimensionLength: 100, DataFloats: 10).Build() },
        { "2^40 bytes of data", new ClassicBytes(DimensionLength: 1 << 20, DataFloats: 0, SecondDimensionLength: 1 << 18).Build() },
        { "HDF5 signature and nothing else", [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A] },
    };

    [Theory, MemberData(nameof(HandBuiltLies))]
    public void A_hand_built_lie_is_a_format_error(string lie, byte[] bytes)
    {
        var error = OpenAndReadEverything(Write(bytes), limits);

        Assert.True(error is NetCdfFormatException, $"{lie}: {error?.GetType().Name ?? "no exception"}: {error?.Message}");
    }

    [Fact]
    public void A_header_claiming_2_to_the_40_bytes_is_refused_without_allocating()
    {
        var path = Write(new ClassicBytes(DimensionLength: 1 << 20, DataFloats: 0, SecondDimensionLength: 1 << 18).Build());
        OpenAndReadEverything(path, limits);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = OpenAndReadEverything(path, limits);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.IsType<NetCdfFormatException>(error);
        Assert.Contains("'v'", error.Message);
        Assert.True(allocated < 2 << 20, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_header_longer_than_MaxHeaderBytes_is_refused()
    {
        var error = OpenAndReadEverything(Write(new ClassicBytes().Build()), limits with { MaxHeaderBytes = 64 });

        Assert.IsType<NetCdfFormatException>(error);
        Assert.Contains("MaxHeaderBytes", error.Message);
    }

    [Fact]
    public void A_variable_larger_than_MaxVariableBytes_is_refused_with_its_name()
    {
        var error = OpenAndReadEverything(Write(new ClassicBytes().Build()), limits with { MaxVariableBytes = 8 });

        Assert.IsType<NetCdfFormatException>(error);
        Assert.Contains("'v'", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_bytes_are_a_format_error(int seed)
    {
        var bytes = new byte[4096];
        new Random(seed).NextBytes(bytes);
        "CDF\u0001"u8.CopyTo(bytes);

        Assert.IsType<NetCdfFormatException>(OpenAndReadEverything(Write(bytes), limits));
        new Random(seed).NextBytes(bytes);
        Assert.IsType<NetCdfFormatException>(OpenAndReadEverything(Write(bytes), limits));
    }

    [Theory]
    [InlineData("classic")]
    [InlineData("64-bit-offset")]
    public void A_classic_file_truncated_anywhere_is_a_format_error(string kind)
    {
        var whole = File.ReadAllBytes(NetCdfTools.Ncgen(directory, SmallCdl, kind));
        Assert.Null(OpenAndReadEverything(Write(whole), limits));

        for (var length = 0; length < whole.Length; length++)
        {
            var error = OpenAndReadEverything(Write(whole[..length]), limits);
            Assert.True(error is NetCdfFormatException, $"truncated to {length} of {whole.Length}: {error?.GetType().Name ?? "no exception"}");
        }
    }

    [Fact]
    public void A_NetCDF4_file_truncated_is_a_format_error()
    {
        var whole = File.ReadAllBytes(NetCdfTools.Ncgen(directory, SmallCdl, "nc4"));
        Assert.Null(OpenAndReadEverything(Write(whole), limits));

        for (var length = 0; length < whole.Length; length += 37)
        {
            var error = OpenAndReadEverything(Write(whole[..length]), limits);
            Assert.True(error is NetCdfFormatException or null, $"truncated to {length} of {whole.Length}: {error}");
        }
        Assert.IsType<NetCdfFormatException>(OpenAndReadEverything(Write(whole[..(whole.Length / 2)]), limits));
    }

    [Fact]
    public void An_HDF5_file_that_is_not_NetCDF4_is_a_format_error()
    {
        var path = directory.File("plain.h5");
        new H5File { ["data"] = new double[] { 1, 2, 3 } }.Write(path);

        var error = OpenAndReadEverything(path, limits);

        Assert.IsType<NetCdfFormatException>(error);
        Assert.Contains("not NetCDF-4", error.Message);
    }

    [Fact]
    public void A_corrupted_compressed_chunk_is_a_format_error_naming_its_variable()
    {
        const string cdl = """
            netcdf packed {
            dimensions:
              time = 2 ;
              x = 4096 ;
            variables:
              short s(time, x) ;
                s:_DeflateLevel = 9 ;
                s:_ChunkSizes = 1, 4096 ;
            data:
              s = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 ;
            }
            """;
        var bytes = File.ReadAllBytes(NetCdfTools.Ncgen(directory, cdl, "nc4"));
        var zlibStart = FindLastZlibHeader(bytes);
        for (var i = zlibStart + 2; i < Math.Min(bytes.Length, zlibStart + 12); i++)
            bytes[i] ^= 0x5A;

        var error = OpenAndReadEverything(Write(bytes), limits);

        Assert.IsType<NetCdfFormatException>(error);
        Assert.Contains("'s'", error.Message);
    }

    [Fact]
    public void A_chunk_that_inflates_past_its_declared_size_is_refused_in_bounded_memory()
    {
        var bomb = new MemoryStream();
        using (var zlib = new ZLibStream(bomb, CompressionLevel.SmallestSize, leaveOpen: true))
            zlib.Write(new byte[64 << 20]);
        var filter = new BoundedDeflateFilter();

        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<InvalidDataException>(() => filter.Filter(new FilterInfo(H5FilterFlags.Decompress, [], 4096, bomb.ToArray())));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 2 << 20, $"{allocated} bytes allocated");
    }

    private static int FindLastZlibHeader(byte[] bytes)
    {
        for (var i = bytes.Length - 2; i >= 0; i--)
            if (bytes[i] == 0x78 && bytes[i + 1] is 0xDA or 0x9C or 0x5E or 0x01)
                return i;
        throw new InvalidOperationException("ncgen wrote no deflated chunk");
    }

    /// <returns>The exception opening the file or reading any of its variables threw, or null.</returns>
    private static Exception? OpenAndReadEverything(string path, NetCdfLimits limits)
    {
        try
        {
            using var file = NetCdfFile.Open(path, limits);
            foreach (var variable in file.Variables.Where(variable => variable.Type != NetCdfType.String))
            {
                file.ReadDoubles(variable);
                if (variable.Shape is [> 0, ..])
                    file.ReadSlice(variable, (int)variable.Shape[0] - 1);
            }
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private string Write(byte[] bytes)
    {
        var path = directory.File($"{Guid.NewGuid():N}.nc");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
