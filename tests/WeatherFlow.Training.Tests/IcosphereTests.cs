using WeatherFlow.Training.Models;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Tests;

public sealed class IcosphereTests
{
    [Theory]
    [InlineData(0, 12)]
    [InlineData(1, 42)]
    [InlineData(2, 162)]
    [InlineData(3, 642)]
    public void Subdivision_gives_the_icosphere_counts(int subdivisions, int vertices)
    {
        var mesh = Icosphere.Create(subdivisions);

        Assert.Equal(vertices, mesh.Vertices.Count);
        Assert.Equal(20 * (1 << (2 * subdivisions)), mesh.Faces.Count);
        Assert.All(mesh.Vertices, v => Assert.Equal(1, v.Length, 1e-12));
        var degrees = mesh.Neighbours().Select(n => n.Length).ToList();
        Assert.Equal(12, degrees.Count(d => d == 5));
        Assert.All(degrees, d => Assert.InRange(d, 5, 6));
    }

    [Fact]
    public void Grid_and_mesh_interpolation_preserve_constants_and_smooth_fields()
    {
        using var scope = NewDisposeScope();
        var mesh = Icosphere.Create(2);
        using var mapping = GridMeshMapping.Create(mesh, 16, 32);
        var constant = full(1, 16 * 32, 1, 3.5f);

        Assert.True((mapping.ToMesh(constant) - 3.5).abs().max().item<float>() < 1e-5);
        Assert.True((mapping.ToGrid(mapping.ToMesh(constant)) - 3.5).abs().max().item<float>() < 1e-5);

        // sin(latitude) is smooth: grid → mesh → grid should return close to it.
        var latitudes = Enumerable.Range(0, 16).Select(row => Math.Sin(-Math.PI / 2 + (row + 0.5) * Math.PI / 16));
        var field = tensor(latitudes.SelectMany(value => Enumerable.Repeat((float)value, 32)).ToArray()).view(1, -1, 1);
        var roundTrip = mapping.ToGrid(mapping.ToMesh(field));
        Assert.True((roundTrip - field).abs().mean().item<float>() < 0.05);
    }
}
