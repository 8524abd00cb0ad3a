using WeatherFlow.Contracts.Config;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Data;

/// <summary>What both atmospheres share: the grid, the channel names, the static features and the forcing.</summary>
internal static class AtmosphereInputs
{
    /// <summary>"var@level", variable-major.</summary>
    public static IReadOnlyList<string> ChannelNames(DatasetConfig dataset) =>
        [.. dataset.Variables.SelectMany(variable => dataset.PressureLevels.Select(level => $"{variable}@{level}"))];

    /// <summary>The tier's grid (the dataset's for <c>custom</c>) and the tier's time step.</summary>
    public static (GridSize Grid, int TimeStepSeconds) Grid(ExperimentConfig config) => (config.EffectiveGrid(), config.Tier().TimeStepSeconds);

    /// <summary>Orography exp(−2.5(φ² + λ²)) and a land mask (φ &gt; 0) on φ, λ ∈ [−1, 1].</summary>
    public static Tensor StaticFeatures(GridSize grid)
    {
        var phi = linspace(-1, 1, grid.Lat).view(grid.Lat, 1);
        var lambda = linspace(-1, 1, grid.Lon).view(1, grid.Lon);
        var orography = (-2.5 * (phi.square() + lambda.square())).exp();
        var land = phi.gt(0).to_type(ScalarType.Float32).expand(grid.Lat, grid.Lon);
        return stack([orography, land]).unsqueeze(0);
    }

    /// <summary>A diurnal cycle sin(2πh/24) over h = linspace(0, 24, N).</summary>
    public static Tensor Forcing(int count) => (linspace(0, 24, count) * (2 * Math.PI) / 24).sin().unsqueeze(1);
}
