using System.Text;
using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.ReferenceWireFormat;

namespace WeatherFlow.Benchmarks;

/// <summary>One benchmark configuration with the Python reference server's time for the same work (torch threads = 1).</summary>
/// <param name="Repeats">Runs measured; the fastest counts. Only the second-long cases repeat, to see past a busy machine.</param>
internal sealed record BenchmarkCase(string Name, string Description, string RequestJson, double? ReferenceSeconds, double? ReferencePeakGb, int Repeats = 1)
{
    public static IReadOnlyList<BenchmarkCase> All { get; } =
    [
        new("a", "small (contract example): t@500, 16x32, 8/4 samples, 1 epoch, batch 2",
            """{"dataset":{"variables":["t"],"pressureLevels":[500],"trainSamples":8,"valSamples":4},"model":{"backbone":"grid"},"training":{"epochs":1,"batchSize":2}}""",
            13, null, Repeats: 3),
        new("m", "medium: t,z x 500,850, 16x32, 64/16 samples, 3 epochs, batch 8",
            """{"dataset":{"variables":["t","z"],"pressureLevels":[500,850],"trainSamples":64,"valSamples":16},"model":{"backbone":"grid"},"training":{"epochs":3,"batchSize":8}}""",
            null, null),
        new("b", "t@500, 16x32, 256/64 samples, 5 epochs, batch 16",
            """{"dataset":{"variables":["t"],"pressureLevels":[500],"trainSamples":256,"valSamples":64},"model":{"backbone":"grid"},"training":{"epochs":5,"batchSize":16}}""",
            991, 5.3),
        new("c", "t,z,u,v x 850,500,300, 16x32, 256/64 samples, 5 epochs, batch 16",
            """{"dataset":{"variables":["t","z","u","v"],"pressureLevels":[850,500,300],"trainSamples":256,"valSamples":64},"model":{"backbone":"grid"},"training":{"epochs":5,"batchSize":16}}""",
            777, null),
    ];

    /// <summary>
    /// Loads libtorch and compiles every code path before the measured run, as in the reference's figures, which are
    /// the request handler's time in a server that was already up.
    /// </summary>
    public static BenchmarkCase WarmUp { get; } = new("warm-up", "tiny run",
        """{"dataset":{"variables":["u","v"],"gridSize":{"lat":8,"lon":16},"trainSamples":4,"valSamples":4},"model":{"backbone":"grid","hiddenDim":32,"nLayers":1},"training":{"epochs":1,"batchSize":4,"timeSteps":3}}""",
        null, null);

    public ExperimentConfig Config(BenchmarkVariant variant)
    {
        var read = ExperimentConfigReader.Read(Encoding.UTF8.GetBytes(RequestJson));
        var config = read.IsValid ? read.Config : throw new InvalidOperationException($"Benchmark config {Name} is invalid.");
        return config with
        {
            Model = config.Model with { Backbone = variant.Backbone },
            Training = config.Training with { Objective = variant.Objective, Seed = variant.Seed ?? config.Training.Seed },
            Simulation = config.Simulation with { Atmosphere = variant.Atmosphere },
        };
    }
}
