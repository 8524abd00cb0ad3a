using WeatherFlow.Datasets.NetCdf;

namespace WeatherFlow.Datasets.Tests;

/// <summary>NCAR's storm episode and contour files (Debian's libncarg-data), checked against ncdump.</summary>
public sealed class RealFileTests : IDisposable
{
    private const string Tstorm = "/usr/share/ncarg/data/cdf/Tstorm.cdf";
    private const string Contour = "/usr/share/ncarg/data/cdf/contour.cdf";

    private readonly TempDirectory directory = new();
    private readonly NetCdfLimits limits = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Tstorm_is_a_classic_file_with_its_dimensions_and_attributes()
    {
        using var file = NetCdfFile.Open(Tstorm, limits);

        Assert.Equal(NetCdfFormat.Classic, file.Format);
        Assert.Equal([64L, 33, 36], Variable(file, "t").Shape);
        Assert.Equal([-9999.0], Variable(file, "t").Attribute("_FillValue")!.Numbers);
        Assert.Equal("text_time", Variable(file, "reftime").Attribute("units")!.Text);
        Assert.Equal("reference time", Variable(file, "reftime").Attribute("long_name")!.Text);
        Assert.Equal(NetCdfType.Char, Variable(file, "reftime").Type);
    }

    [Fact]
    public void Tstorm_timesteps_are_0_to_378_by_6()
    {
        using var file = NetCdfFile.Open(Tstorm, limits);

        Assert.Equal([.. Enumerable.Range(0, 64).Select(step => step * 6.0)], file.ReadDoubles(Variable(file, "timestep")));
    }

    [Fact]
    public void Tstorm_temperatures_match_ncdump_step_by_step_with_fill_as_NaN()
    {
        using var file = NetCdfFile.Open(Tstorm, limits);
        var expected = Ncdump.Values(Tstorm, "t");
        var t = Variable(file, "t");

        Assert.Equal(64 * 33 * 36, expected.Length);
        foreach (var step in new[] { 0, 1, 31, 63 })
        {
            var slice = file.ReadSlice(t, step);
            AssertClose(expected.AsSpan(step * 1188, 1188), slice);
        }
        Assert.Equal(224, file.ReadSlice(t, 0).Count(float.IsNaN));
    }

    [Fact]
    public void Contour_temperatures_on_levels_match_ncdump()
    {
        using var file = NetCdfFile.Open(Contour, limits);
        var expected = Ncdump.Values(Contour, "T");
        var temperature = Variable(file, "T");

        Assert.Equal(["frtime", "level", "lat", "lon"], temperature.Dimensions.Select(dimension => dimension.Name));
        var step = 10 * 33 * 36;
        foreach (var frtime in new[] { 0, 3, 6 })
            AssertClose(expected.AsSpan(frtime * step, step), file.ReadSlice(temperature, frtime));
        double[] levels = [.. Ncdump.Values(Contour, "level").Select(value => (double)value)];
        Assert.Equal(levels, file.ReadDoubles(Variable(file, "level")));
    }

    [Theory]
    [InlineData(Tstorm)]
    [InlineData(Contour)]
    public void The_same_data_copied_to_NetCDF4_by_nccopy_reads_identical(string classicPath)
    {
        using var classic = NetCdfFile.Open(classicPath, limits);
        using var netCdf4 = NetCdfFile.Open(NetCdfTools.Nccopy(directory, classicPath, "nc4"), limits);

        Assert.Equal(NetCdfFormat.NetCdf4, netCdf4.Format);
        Assert.Equal(classic.Dimensions.OrderBy(dimension => dimension.Name), netCdf4.Dimensions.OrderBy(dimension => dimension.Name));
        foreach (var variable in classic.Variables.Where(variable => variable.Type != NetCdfType.Char))
        {
            var copy = Variable(netCdf4, variable.Name);
            Assert.Equal(variable.Shape, copy.Shape);
            Assert.Equal(variable.Attributes.Select(attribute => (attribute.Name, attribute.Text, attribute.Numbers?.ToArray())), copy.Attributes.Select(attribute => (attribute.Name, attribute.Text, attribute.Numbers?.ToArray())));
            Assert.Equal(classic.ReadDoubles(variable), netCdf4.ReadDoubles(copy));
            if (variable.Shape.Count > 0)
                Assert.Equal(classic.ReadSlice(variable, (int)variable.Shape[0] - 1), netCdf4.ReadSlice(copy, (int)copy.Shape[0] - 1));
        }
    }

    private static void AssertClose(ReadOnlySpan<float> expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < actual.Length; i++)
        {
            if (float.IsNaN(expected[i]))
                Assert.True(float.IsNaN(actual[i]), $"cell {i}: expected fill, got {actual[i]}");
            else
                Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-6 * Math.Abs(expected[i]), $"cell {i}: expected {expected[i]}, got {actual[i]}");
        }
    }

    private static NetCdfVariable Variable(NetCdfFile file, string name) => file.Variables.Single(variable => variable.Name == name);
}
