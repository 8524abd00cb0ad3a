using WeatherFlow.Contracts.Experiments;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Data;

/// <summary>
/// The reference server's synthetic atmosphere (contract §3.2), op for op in float32 so that the same seeds give the
/// same fields as PyTorch's CPU generator: a seeded base state, then per sample a noisy x0 and its stepped x1.
/// </summary>
internal static class SyntheticAtmosphere
{
    public static ExperimentData Generate(ExperimentConfig config)
    {
        var dataset = config.Dataset;
        var simulation = config.Simulation;
        var channelNames = ChannelNames(dataset);
        var tier = ConfigChoices.ResolutionTiers.FirstOrDefault(t => t.Name == simulation.ResolutionTier) ?? ConfigChoices.ResolutionTiers[0];
        var grid = tier.Lat == 0 || tier.Lon == 0 ? dataset.GridSize : new GridSize(tier.Lat, tier.Lon);

        var baseState = BaseState(channelNames.Count, grid, simulation);
        using var noise = new Generator((ulong)config.Training.Seed, CPU);
        var dynamics = new AtmosphereStep(simulation, config.Training.DynamicsScale);
        var (trainX0, trainX1) = Samples(baseState, noise, dynamics, dataset.TrainSamples, 0);
        var (valX0, valX1) = Samples(baseState, noise, dynamics, dataset.ValSamples, dataset.TrainSamples);
        return new(trainX0, trainX1, Forcing(dataset.TrainSamples), valX0, valX1, Forcing(dataset.ValSamples),
            StaticFeatures(grid), channelNames, grid, tier.TimeStepSeconds);
    }

    /// <summary>"var@level", variable-major.</summary>
    public static IReadOnlyList<string> ChannelNames(DatasetConfig dataset) =>
        [.. dataset.Variables.SelectMany(variable => dataset.PressureLevels.Select(level => $"{variable}@{level}"))];

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

    private static (Tensor X0, Tensor X1) Samples(Tensor baseState, Generator noise, AtmosphereStep dynamics, int count, int firstIndex)
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

    /// <summary>Orography exp(−2.5(φ² + λ²)) and a land mask (φ &gt; 0) on φ, λ ∈ [−1, 1].</summary>
    private static Tensor StaticFeatures(GridSize grid)
    {
        var phi = linspace(-1, 1, grid.Lat).view(grid.Lat, 1);
        var lambda = linspace(-1, 1, grid.Lon).view(1, grid.Lon);
        var orography = (-2.5 * (phi.square() + lambda.square())).exp();
        var land = phi.gt(0).to_type(ScalarType.Float32).expand(grid.Lat, grid.Lon);
        return stack([orography, land]).unsqueeze(0);
    }

    /// <summary>A diurnal cycle sin(2πh/24) over h = linspace(0, 24, N).</summary>
    private static Tensor Forcing(int count) => (linspace(0, 24, count) * (2 * Math.PI) / 24).sin().unsqueeze(1);
}
