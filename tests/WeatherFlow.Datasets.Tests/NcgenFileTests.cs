using WeatherFlow.Datasets.NetCdf;

namespace WeatherFlow.Datasets.Tests;

/// <summary>Files written by ncgen in each format read back the values their CDL gave.</summary>
public sealed class NcgenFileTests : IDisposable
{
    private const string Forecast = """
        netcdf forecast {
        dimensions:
          time = UNLIMITED ;
          level = 2 ;
          lat = 3 ;
          lon = 4 ;
        variables:
          double time(time) ;
            time:units = "hours since 2000-01-01" ;
          float lat(lat) ;
          float lon(lon) ;
          short t(time, level, lat, lon) ;
            t:scale_factor = 0.5 ;
            t:add_offset = 100. ;
            t:_FillValue = -1s ;
          float p(time, lat, lon) ;
            p:missing_value = 1.e+20f, -1.e+20f ;
          float z(lat, lon) ;
          int count ;
          byte flags(lon) ;
            flags:bytes = 1b, -2b ;
            flags:shorts = 300s ;
            flags:ints = 70000, -70000 ;
            flags:floats = 0.25f ;
            flags:doubles = 1.5, 2.5, 3.5 ;
            flags:text = "a flag" ;
        :title = "ncgen test" ;
        :version = 3 ;
        data:
          time = 0, 6 ;
          lat = 10, 20, 30 ;
          lon = 1, 2, 3, 4 ;
          t = 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,-1,
              101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,119,120,121,122,123,_ ;
          p = 1,2,3,4,5,6,7,8,9,10,11,1e20,
              _,-1e20,3,4,5,6,7,8,9,10,11,12 ;
          z = 1,2,3,4,5,6,7,8,9,10,11,_ ;
          count = 5 ;
          flags = 1, -2, 3, -4 ;
        }
        """;

    private readonly TempDirectory directory = new();
    private readonly NetCdfLimits limits = new();

    public void Dispose() => directory.Dispose();

    public static TheoryData<string, NetCdfFormat> Kinds => new()
    {
        { "classic", NetCdfFormat.Classic },
        { "64-bit-offset", NetCdfFormat.Offset64 },
        { "nc4", NetCdfFormat.NetCdf4 },
    };

    [Theory, MemberData(nameof(Kinds))]
    public void A_file_written_by_ncgen_has_its_dimensions_and_format(string kind, NetCdfFormat format)
    {
        using var file = NetCdfFile.Open(NetCdfTools.Ncgen(directory, Forecast, kind), limits);

        Assert.Equal(format, file.Format);
        Assert.Equal(
            [new("time", 2, true), new("level", 2, false), new("lat", 3, false), new("lon", 4, false)],
            file.Dimensions);
        Assert.Equal(["time", "level", "lat", "lon"], Variable(file, "t").Dimensions.Select(dimension => dimension.Name));
        Assert.Equal([2L, 2, 3, 4], Variable(file, "t").Shape);
        Assert.Equal(NetCdfType.Short, Variable(file, "t").Type);
        Assert.Empty(Variable(file, "count").Dimensions);
        Assert.DoesNotContain(file.Variables, variable => variable.Name == "level");
    }

    [Theory, MemberData(nameof(Kinds))]
    public void A_file_written_by_ncgen_has_attributes_of_each_type(string kind, NetCdfFormat _)
    {
        using var file = NetCdfFile.Open(NetCdfTools.Ncgen(directory, Forecast, kind), limits);
        var flags = Variable(file, "flags");

        Assert.Equal("ncgen test", file.Attributes.Single(attribute => attribute.Name == "title").Text);
        Assert.Equal([3.0], file.Attributes.Single(attribute => attribute.Name == "version").Numbers);
        Assert.Equal([1.0, -2], flags.Attribute("bytes")!.Numbers);
        Assert.Equal([300.0], flags.Attribute("shorts")!.Numbers);
        Assert.Equal([70000.0, -70000], flags.Attribute("ints")!.Numbers);
        Assert.Equal([0.25], flags.Attribute("floats")!.Numbers);
        Assert.Equal([1.5, 2.5, 3.5], flags.Attribute("doubles")!.Numbers);
        Assert.Equal("a flag", flags.Attribute("text")!.Text);
        Assert.Null(flags.Attribute("text")!.Numbers);
        Assert.Equal("hours since 2000-01-01", Variable(file, "time").Attribute("units")!.Text);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Coordinates_and_fixed_variables_read_back_their_values(string kind, NetCdfFormat _)
    {
        using var file = NetCdfFile.Open(NetCdfTools.Ncgen(directory, Forecast, kind), limits);

        Assert.Equal([0.0, 6], file.ReadDoubles(Variable(file, "time")));
        Assert.Equal([10.0, 20, 30], file.ReadDoubles(Variable(file, "lat")));
        Assert.Equal([1.0, 2, 3, 4], file.ReadDoubles(Variable(file, "lon")));
        Assert.Equal([5.0], file.ReadDoubles(Variable(file, "count")));
        Assert.Equal([1.0, -2, 3, -4], file.ReadDoubles(Variable(file, "flags")));
        Assert.Equal([1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, double.NaN], file.ReadDoubles(Variable(file, "z")));
        Assert.Equal([1f, 2, 3, 4], file.ReadSlice(Variable(file, "z"), 0));
        Assert.Equal([9f, 10, 11, float.NaN], file.ReadSlice(Variable(file, "z"), 2));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void A_packed_4D_field_reads_unpacked_one_time_step_at_a_time_with_fill_as_NaN(string kind, NetCdfFormat _)
    {
        using var file = NetCdfFile.Open(NetCdfTools.Ncgen(directory, Forecast, kind), limits);
        var t = Variable(file, "t");

        float[] first = [.. Enumerable.Range(1, 23).Select(raw => raw * 0.5f + 100), float.NaN];
        float[] second = [.. Enumerable.Range(101, 23).Select(raw => raw * 0.5f + 100), float.NaN];
        Assert.Equal(first, file.ReadSlice(t, 0));
        Assert.Equal(second, file.ReadSlice(t, 1));
        Assert.Equal([.. first.Concat(second).Select(value => (double)value)], file.ReadDoubles(t));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void A_list_of_missing_values_and_the_default_float_fill_read_as_NaN(string kind, NetCdfFormat _)
    {
        using var file = NetCdfFile.Open(NetCdfTools.Ncgen(directory, Forecast, kind), limits);
        var p = Variable(file, "p");

        Assert.Equal([1f, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, float.NaN], file.ReadSlice(p, 0));
        Assert.Equal([float.NaN, float.NaN, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], file.ReadSlice(p, 1));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void A_slice_outside_the_first_dimension_is_refused(string kind, NetCdfFormat _)
    {
        using var file = NetCdfFile.Open(NetCdfTools.Ncgen(directory, Forecast, kind), limits);

        Assert.Throws<ArgumentOutOfRangeException>(() => file.ReadSlice(Variable(file, "t"), 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => file.ReadSlice(Variable(file, "t"), -1));
        Assert.Throws<ArgumentException>(() => file.ReadSlice(Variable(file, "count"), 0));
    }

    [Theory]
    [InlineData("classic")]
    [InlineData("64-bit-offset")]
    [InlineData("nc4")]
    public void Several_record_variables_of_odd_sizes_read_back_their_records(string kind)
    {
        const string cdl = """
            netcdf records {
            dimensions:
              rec = UNLIMITED ;
              x = 3 ;
            variables:
              byte b(rec, x) ;
              short s(rec, x) ;
              double d(rec) ;
            data:
              b = 1, 2, 3, 4, 5, 6, 7, 8, 9 ;
              s = 10, 20, 30, 40, 50, 60, 70, 80, 90 ;
              d = 0.5, 1.5, 2.5 ;
            }
            """;
        using var file = NetCdfFile.Open(NetCdfTools.Ncgen(directory, cdl, kind), limits);

        Assert.Equal([4f, 5, 6], file.ReadSlice(Variable(file, "b"), 1));
        Assert.Equal([70f, 80, 90], file.ReadSlice(Variable(file, "s"), 2));
        Assert.Equal([10.0, 20, 30, 40, 50, 60, 70, 80, 90], file.ReadDoubles(Variable(file, "s")));
        Assert.Equal([0.5, 1.5, 2.5], file.ReadDoubles(Variable(file, "d")));
    }

    [Theory]
    [InlineData("classic")]
    [InlineData("64-bit-offset")]
    [InlineData("nc4")]
    public void Exactly_one_record_variable_reads_back_its_unpadded_records(string kind)
    {
        const string cdl = """
            netcdf one {
            dimensions:
              rec = UNLIMITED ;
              x = 3 ;
            variables:
              short s(rec, x) ;
            data:
              s = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 ;
            }
            """;
        using var file = NetCdfFile.Open(NetCdfTools.Ncgen(directory, cdl, kind), limits);

        Assert.Equal(4, file.Dimensions.Single(dimension => dimension.Name == "rec").Length);
        Assert.Equal([7f, 8, 9], file.ReadSlice(Variable(file, "s"), 2));
        Assert.Equal([10f, 11, 12], file.ReadSlice(Variable(file, "s"), 3));
        Assert.Equal([.. Enumerable.Range(1, 12).Select(value => (double)value)], file.ReadDoubles(Variable(file, "s")));
    }

    private static NetCdfVariable Variable(NetCdfFile file, string name) => file.Variables.Single(variable => variable.Name == name);
}
