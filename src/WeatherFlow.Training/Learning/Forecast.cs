using WeatherFlow.Contracts.Config;
using WeatherFlow.Training.Data;
using WeatherFlow.Training.Models;
using WeatherFlow.Training.Ode;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Learning;

/// <summary>
/// Contract §3.5: solve from the first validation sample (a dataset's: the first test sample) over linspace(0, 1, timeSteps), whole or in tiles of
/// tileSizeLat×tileSizeLon (stride size − overlap, ends clipped) whose overlaps are averaged.
/// </summary>
internal static class Forecast
{
    /// <returns>[T, C, H, W], all finite.</returns>
    public static Tensor Run(ExperimentConfig config, ExperimentData data, FlowModel model, CancellationToken cancellationToken)
    {
        var forecast = Predict(config, data, model, cancellationToken);
        using var finite = forecast.isfinite().all();
        return finite.item<bool>()
            ? forecast
            : throw new ExperimentFailedException($"The forecast diverged (non-finite values) with the {config.Training.SolverMethod} solver: the trained field is unstable. Try dopri5, a lower learning rate, or more epochs.");
    }

    private static Tensor Predict(ExperimentConfig config, ExperimentData data, FlowModel model, CancellationToken cancellationToken)
    {
        model.eval();
        using var noGrad = no_grad();
        var times = OdeSolver.UnitInterval(config.Training.TimeSteps);
        var initial = data.ForecastX0.narrow(0, 0, 1);
        var forcing = data.ForecastForcing.narrow(0, 0, 1);
        var tiles = Tiles(data.Grid, config.Inference);
        if (tiles.Count == 1)
        {
            return Solve(config, model, initial, data.Static, forcing, times, cancellationToken);
        }
        var sum = zeros(times.Length, data.Channels, data.Grid.Lat, data.Grid.Lon);
        var count = zeros(data.Grid.Lat, data.Grid.Lon);
        foreach (var (rows, columns) in tiles)
        {
            var tile = Solve(config, model, initial[.., .., rows, columns], data.Static[.., .., rows, columns], forcing, times, cancellationToken);
            sum[.., .., rows, columns].add_(tile);
            count[rows, columns].add_(1);
        }
        return sum / count.clamp(min: 1);
    }

    public static IReadOnlyList<(Range Rows, Range Columns)> Tiles(GridSize grid, InferenceConfig inference)
    {
        if (inference.TileSizeLat <= 0 || inference.TileSizeLon <= 0)
        {
            return [(0..grid.Lat, 0..grid.Lon)];
        }
        var rowStride = Math.Max(1, inference.TileSizeLat - inference.TileOverlap);
        var columnStride = Math.Max(1, inference.TileSizeLon - inference.TileOverlap);
        var tiles = new List<(Range, Range)>();
        for (var row = 0; row < grid.Lat; row += rowStride)
        {
            for (var column = 0; column < grid.Lon; column += columnStride)
            {
                tiles.Add((row..Math.Min(grid.Lat, row + inference.TileSizeLat), column..Math.Min(grid.Lon, column + inference.TileSizeLon)));
            }
        }
        return tiles;
    }

    private static Tensor Solve(ExperimentConfig config, FlowModel model, Tensor initial, Tensor staticFeatures, Tensor forcing, double[] times, CancellationToken cancellationToken)
    {
        var states = OdeSolver.Solve(config.Training.SolverMethod, model.Field(staticFeatures, forcing), initial, times, cancellationToken);
        return stack(states).squeeze(1);
    }
}
