using WeatherFlow.Contracts.Results;

namespace WeatherFlow.Training.Results;

/// <summary>
/// The <c>prediction</c> block: per channel the initial state, target and trajectory as [lat][lon] grids, the
/// final step's RMSE and MAE, persistence's RMSE, and WeatherFlow's skill and anomaly correlation.
/// </summary>
internal static class PredictionBuilder
{
    /// <param name="trajectory">[T, C, H, W] flattened.</param>
    /// <param name="initial">[C, H, W] flattened, likewise <paramref name="target"/> and <paramref name="climatology"/>.</param>
    public static PredictionResult Build(IReadOnlyList<double> times, IReadOnlyList<string> names, int height, int width,
        float[] trajectory, float[] initial, float[] target, float[] climatology, int modelEpoch, bool[]? valid = null)
    {
        var cells = height * width;
        var channelCount = names.Count;
        var channels = names.Select((name, c) =>
        {
            var finalField = trajectory.AsSpan(((times.Count - 1) * channelCount + c) * cells, cells);
            var initialField = initial.AsSpan(c * cells, cells);
            var targetField = target.AsSpan(c * cells, cells);
            var (final, channelInitial, channelTarget, channelClimatology) =
                (Counted(finalField, valid), Counted(initialField, valid), Counted(targetField, valid), Counted(climatology.AsSpan(c * cells, cells), valid));
            var rmse = FieldStatistics.Rmse(final, channelTarget);
            var baselineRmse = FieldStatistics.Rmse(channelInitial, channelTarget);
            var steps = times.Select((time, step) => new TrajectoryStep(time, Grid(trajectory.AsSpan((step * channelCount + c) * cells, cells), width))).ToList();
            return new ChannelPrediction(name, Grid(initialField, width), Grid(targetField, width), steps,
                rmse, FieldStatistics.Mae(final, channelTarget), baselineRmse, FieldStatistics.Skill(rmse, baselineRmse),
                FieldStatistics.AnomalyCorrelation(final, channelTarget, channelClimatology));
        }).ToList();
        return new(times, channels, modelEpoch);
    }

    /// <summary>The values of the cells that count (a dataset's unmasked ones); all of them when there is no mask.</summary>
    private static float[] Counted(ReadOnlySpan<float> values, bool[]? valid)
    {
        if (valid is null)
        {
            return values.ToArray();
        }
        var counted = new List<float>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (valid[i])
            {
                counted.Add(values[i]);
            }
        }
        return [.. counted];
    }

    /// <summary>Float32 values widened to double, which is exactly how the reference writes them.</summary>
    private static double[][] Grid(ReadOnlySpan<float> values, int width)
    {
        var rows = new double[values.Length / width][];
        for (var row = 0; row < rows.Length; row++)
        {
            rows[row] = new double[width];
            for (var column = 0; column < width; column++)
            {
                rows[row][column] = values[row * width + column];
            }
        }
        return rows;
    }
}
