using WeatherFlow.Training.Data;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Tests;

public sealed class ReferenceAtmosphereTests
{
    [Fact]
    public void Shapes_follow_the_config_and_the_resolution_tier()
    {
        using var scope = NewDisposeScope();
        var data = ReferenceAtmosphere.Generate(TestConfigs.Read("""
            {"dataset":{"variables":["t","u"],"pressureLevels":[850,500,300],"trainSamples":6,"valSamples":4},
             "simulation":{"resolutionTier":"global-low"}}
            """));

        Assert.Equal(["t@850", "t@500", "t@300", "u@850", "u@500", "u@300"], data.ChannelNames);
        Assert.Equal((32, 64, 600), (data.Grid.Lat, data.Grid.Lon, data.TimeStepSeconds));
        Assert.Equal([6L, 6, 32, 64], data.TrainX0.shape);
        Assert.Equal([6L, 6, 32, 64], data.TrainX1.shape);
        Assert.Equal([4L, 6, 32, 64], data.ValX1.shape);
        Assert.Equal([6L, 1], data.TrainForcing.shape);
        Assert.Equal([1L, 2, 32, 64], data.Static.shape);
    }

    [Fact]
    public void Seeded_draws_reproduce_the_reference_servers_dataset_summary()
    {
        // example-response.json's datasetSummary: PyTorch's CPU generator with the same seeds gives the same fields.
        var result = TestConfigs.Engine().Run(Guid.Empty, TestConfigs.Read("""
            {"dataset":{"variables":["t"],"pressureLevels":[500],"trainSamples":8,"valSamples":4},
             "model":{"backbone":"grid","hiddenDim":32,"nLayers":1},"training":{"epochs":1,"batchSize":8,"rolloutWeight":0,"timeSteps":3},
             "simulation":{"atmosphere":"reference"}}
            """), null, null, CancellationToken.None).Result;

        var stats = Assert.Single(result.DatasetSummary.ChannelStats);
        Assert.Equal(("t@500", 0.1218014806509018, 1.0566476583480835), (stats.Name, stats.Mean, stats.Std), new ToleranceComparer(1e-6));
        Assert.Equal(-3.2090399265289307, stats.Min, 1e-6);
        Assert.Equal(4.320021152496338, stats.Max, 1e-6);
        Assert.Equal([1, 16, 32], result.DatasetSummary.SampleShape);
    }

    [Fact]
    public void Samples_scatter_around_a_shared_base_state_by_the_dynamics_scale()
    {
        using var scope = NewDisposeScope();
        var data = ReferenceAtmosphere.Generate(TestConfigs.Read("""{"dataset":{"trainSamples":64},"training":{"dynamicsScale":0.2}}"""));

        // x0[i] − x0[j] = scale·(ε_i − ε_j), whose std is scale·√2.
        var spread = (data.TrainX0[0] - data.TrainX0[1]).std(unbiased: false).item<float>();
        Assert.Equal(0.2 * Math.Sqrt(2), spread, 0.02);
        var meanAcrossSamples = data.TrainX0.mean([0]);
        Assert.True((meanAcrossSamples - data.TrainX0[0]).abs().mean().item<float>() < 0.2);
        Assert.True((data.TrainX1 - data.TrainX0).abs().mean().item<float>() > 0.01);
        var forcing = data.TrainForcing.data<float>().ToArray();
        Assert.Equal(0, forcing[0], 1e-6);
        Assert.Equal(0, forcing[^1], 1e-5);
        Assert.Equal(1, forcing.Max(), 0.01);
        var land = data.Static[0, 1];
        Assert.Equal(0f, land[0, 0].item<float>());
        Assert.Equal(1f, land[^1, 0].item<float>());
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<(string, double, double)>
    {
        public bool Equals((string, double, double) x, (string, double, double) y) =>
            x.Item1 == y.Item1 && Math.Abs(x.Item2 - y.Item2) <= tolerance && Math.Abs(x.Item3 - y.Item3) <= tolerance;

        public int GetHashCode((string, double, double) obj) => obj.Item1.GetHashCode();
    }
}
