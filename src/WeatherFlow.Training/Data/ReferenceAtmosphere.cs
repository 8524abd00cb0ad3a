using WeatherFlow.Contracts.Config;
using WeatherFlow.Training.Evaluation;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Data;

/// <summary>
/// The reference server's synthetic atmosphere (contract §3.2; <c>simulation.atmosphere: "reference"</c>), op for op
/// in float32 so that the same seeds give the same fields as PyTorch's CPU generator: a seeded base state, then per
/// sample a noisy x0 and its stepped x1. Every channel is an interchangeable unitless noise field.
/// </summary>
internal static class ReferenceAtmosphere
{
    public static ExperimentData Generate(ExperimentConfig config)
    {
        var dataset = config.Dataset;
        var simulation = config.Simulation;
        var channelNames = AtmosphereInputs.ChannelNames(dataset);
        var (grid, timeStepSeconds) = AtmosphereInputs.Grid(config);

        var baseState = BaseState(channelNames.Count, grid, simulation);
        using var noise = new Generator((ulong)config.Training.Seed, CPU);
        var dynamics = new ReferenceAtmosphereStep(simulation, config.Training.DynamicsScale);
        var (trainX0, trainX1) = Samples(baseState, noise, dynamics, dataset.TrainSamples, 0);
        var (valX0, valX1) = Samples(baseState, noise, dynamics, dataset.ValSamples, dataset.TrainSamples);
        return new(trainX0, trainX1, AtmosphereInputs.Forcing(dataset.TrainSamples), valX0, valX1, AtmosphereInputs.Forcing(dataset.ValSamples),
            AtmosphereInputs.StaticFeatures(grid), channelNames, [.. channelNames.Select(_ => "1")], grid, timeStepSeconds)
        {
            Evaluation = TestSet(config, baseState, dynamics, trainX1),
        };
    }

    /// <summary>Fresh samples of the same base state, each stepped on by the same dynamics for every lead scored.</summary>
    private static EvaluationSet TestSet(ExperimentConfig config, Tensor baseState, ReferenceAtmosphereStep dynamics, Tensor trainX1)
    {
        using var testNoise = SyntheticTestSet.Generator(config);
        var count = SyntheticTestSet.Count(config);
        var firstIndex = config.Dataset.TrainSamples + config.Dataset.ValSamples;
        var starts = stack([.. Enumerable.Range(0, count).Select(_ => baseState + randn(baseState.shape, generator: testNoise) * dynamics.Scale)]);
        var truth = new List<Tensor>();
        var state = starts;
        for (var k = 0; k < SyntheticTestSet.Steps(config); k++)
        {
            state = stack([.. Enumerable.Range(0, count).Select(i => dynamics.Apply(state[i], firstIndex + i))]);
            truth.Add(state);
        }
        return SyntheticTestSet.Of(config, starts, truth, AtmosphereInputs.Forcing(count), trainX1);
    }

    private static Tensor BaseState(int channels, GridSize grid, SimulationConfig simulation)
    {
        using var generator = new Generator((ulong)simulation.Seed, CPU);
        var state = randn([channels, grid.Lat, grid.Lon], generator: generator) + linspace(-0.5, 0.5, grid.Lon).view(1, 1, grid.Lon);
        if (simulation.InitialSource == "parametric")
        {
            state *= 0.5;
        }
        if (simulation.BoundarySource == "reanalysis")
        {
            state += 0.1 * linspace(0, 3.14, grid.Lat).sin().view(1, grid.Lat, 1);
        }
        return state;
    }

    private static (Tensor X0, Tensor X1) Samples(Tensor baseState, Generator noise, ReferenceAtmosphereStep dynamics, int count, int firstIndex)
    {
        var x0 = new Tensor[count];
        var x1 = new Tensor[count];
        for (var i = 0; i < count; i++)
        {
            x0[i] = baseState + randn(baseState.shape, generator: noise) * dynamics.Scale;
            x1[i] = dynamics.Apply(x0[i], firstIndex + i);
        }
        return (stack(x0), stack(x1));
    }
}
