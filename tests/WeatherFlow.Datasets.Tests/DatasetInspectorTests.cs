using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Datasets;
using WeatherFlow.Datasets.NetCdf;

namespace WeatherFlow.Datasets.Tests;

/// <summary>Inspection, the one validation of a dataset: what it finds in real and ncgen-written files, and what it refuses, naming file and variable.</summary>
public sealed class DatasetInspectorTests
{
    private const string StormFolder = "/usr/share/ncarg/data/cdf";

    [Fact]
    public void The_storm_episode_inspects_to_six_channels_on_its_regional_grid_with_its_gaps_and_fill_cells()
    {
        string[] names = ["Tstorm.cdf", "Pstorm.cdf", "Ustorm.cdf", "Vstorm.cdf", "U500storm.cdf", "V500storm.cdf"];
        var hints = new DatasetHints
        {
            StepHours = 6,
            Start = new DateTimeOffset(1996, 1, 5, 0, 0, 0, TimeSpan.Zero),
            FileLevels = new Dictionary<string, double> { ["U500storm.cdf"] = 500, ["V500storm.cdf"] = 500 },
            Units = new Dictionary<string, string> { ["t"] = "K" },
            DefectiveSteps = [36, 37],
        };
        var description = DatasetInspector.Inspect([.. names.Select(name => new DatasetFilePath(name, Path.Combine(StormFolder, name)))], hints, new NetCdfLimits());

        Assert.Equal(["t", "p", "u", "v", "u@500", "v@500"], description.Channels.Select(channel => channel.Name));
        Assert.Equal("K", description.Channels[0].Units);
        Assert.Equal((33, 36), (description.Grid.Height, description.Grid.Width));
        Assert.False(description.Grid.IsGlobal);
        Assert.Equal(20, description.Grid.Latitudes[0], 3);
        Assert.Equal(new DatasetTimeAxis(hints.Start, 6, 64), description.Time);
        Assert.Equal([17, 36, 37], description.DefectiveSteps);
        Assert.Equal(224, description.FillCells);
    }

    [Fact]
    public void A_CF_file_in_either_format_gives_its_time_axis_levels_and_units_and_the_two_formats_agree()
    {
        using var directory = new TempDirectory();
        var classic = NetCdfTools.Ncgen(directory, Cdl, "classic", "cf-classic");
        var nc4 = NetCdfTools.Ncgen(directory, Cdl, "nc4", "cf-nc4");
        var fromClassic = DatasetInspector.Inspect([new DatasetFilePath("a.nc", classic)], DatasetHints.None, new NetCdfLimits());
        var fromNc4 = DatasetInspector.Inspect([new DatasetFilePath("a.nc", nc4)], DatasetHints.None, new NetCdfLimits());

        Assert.Equal(["z@850", "z@500"], fromClassic.Channels.Select(channel => channel.Name));
        Assert.Equal("m", fromClassic.Channels[0].Units);
        Assert.Equal(new DatasetTimeAxis(new DateTimeOffset(2000, 1, 1, 6, 0, 0, TimeSpan.Zero), 12, 3), fromClassic.Time);
        Assert.True(fromClassic.Grid.IsGlobal);
        Assert.Equal(fromClassic.Channels, fromNc4.Channels);
        Assert.Equal(fromClassic.Time, fromNc4.Time);
        var fields = DatasetLoader.Load([new DatasetFilePath("a.nc", nc4)], fromNc4, ["z@500"], new NetCdfLimits());
        Assert.Equal(1500f + 4000 + 2 * 100 + 8 * 2 + 3, fields.Step(2, 0)[2 * 8 + 3]);
    }

    [Theory]
    [InlineData("float t(time, lat, lon) ; float lat(lat) ; float lon(lon) ; double time(time) ; time:units = \"hours\" ;", "lat=4;lon=4;time=2;", "lat = 10, 11, 13, 14 ;", "lat", "evenly spaced")]
    [InlineData("float t(time, lat, lon) ; float lat(lat) ; float lon(lon) ; double time(time) ;", "lat=4;lon=4;time=2;", "lat = 10, 11, 12, 13 ; time = 0, 6 ;", "time", "no units")]
    [InlineData("int t(time, lat, lon) ; float lat(lat) ; float lon(lon) ; double time(time) ; time:units = \"hours\" ;", "lat=4;lon=4;time=2;", "lat = 10, 11, 12, 13 ;", null, "floating-point field")]
    [InlineData("float t(time, lat, lon) ; float lat(lat) ; float lon(lon) ; double time(time) ; time:units = \"hours\" ;", "lat=4;lon=4;time=1;", "lat = 10, 11, 12, 13 ;", "time", "two steps")]
    public void A_file_that_is_not_a_dataset_is_refused_naming_the_variable_and_the_problem(string variables, string dimensions, string latitudes, string? variable, string problem)
    {
        using var directory = new TempDirectory();
        var cdl = $"netcdf bad {{ dimensions: {dimensions.Replace(";", " ; ").Replace("=", " = ")} variables: {variables} data: {latitudes} lon = 0, 90, 180, 270 ; }}";
        var path = NetCdfTools.Ncgen(directory, cdl, "classic", "bad");
        var refused = Assert.Throws<DatasetRejectedException>(() => DatasetInspector.Inspect([new DatasetFilePath("bad.nc", path)], DatasetHints.None, new NetCdfLimits()));
        Assert.Equal("bad.nc", refused.File);
        Assert.Equal(variable, refused.Variable);
        Assert.Contains(problem, refused.Problem);
    }

    [Fact]
    public void Random_bytes_are_refused_naming_the_file()
    {
        using var directory = new TempDirectory();
        var path = directory.File("noise.nc");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))]);
        var refused = Assert.Throws<DatasetRejectedException>(() => DatasetInspector.Inspect([new DatasetFilePath("noise.nc", path)], DatasetHints.None, new NetCdfLimits()));
        Assert.Equal("noise.nc", refused.File);
    }

    /// <summary>z at (step, level, row, column) = 1500 + 4000·level + 100·step + 8·row + column.</summary>
    private static readonly string Values = string.Join(", ",
        from step in Enumerable.Range(0, 3)
        from level in Enumerable.Range(0, 2)
        from row in Enumerable.Range(0, 4)
        from column in Enumerable.Range(0, 8)
        select (1500 + 4000 * level + 100 * step + 8 * row + column).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static readonly string Cdl = """
        netcdf cf {
        dimensions: time = UNLIMITED ; level = 2 ; lat = 4 ; lon = 8 ;
        variables:
          double time(time) ; time:units = "hours since 2000-01-01 00:00:00" ;
          float level(level) ; level:units = "hPa" ;
          float lat(lat) ; lat:units = "degrees_north" ;
          float lon(lon) ; lon:units = "degrees_east" ;
          float z(time, level, lat, lon) ; z:units = "m" ;
        data:
          time = 6, 18, 30 ;
          level = 850, 500 ;
          lat = -67.5, -22.5, 22.5, 67.5 ;
          lon = 0, 45, 90, 135, 180, 225, 270, 315 ;
          z = 
        """ + Values + " ; }";

}
