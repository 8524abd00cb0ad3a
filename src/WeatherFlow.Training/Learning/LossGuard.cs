namespace WeatherFlow.Training.Learning;

/// <summary>Ends a run whose loss is NaN or infinite, instead of training on and reporting garbage numbers.</summary>
internal static class LossGuard
{
    /// <param name="values">total, flow, divergence, rollout, energy diff.</param>
    public static float[] EnsureFinite(float[] values, string phase, int epoch, int batch)
    {
        if (values.All(float.IsFinite))
        {
            return values;
        }
        throw new ExperimentFailedException(
            $"The {phase} loss became non-finite at epoch {epoch}, batch {batch} (total {values[0]}, flow {values[1]}, divergence {values[2]}, rollout {values[3]}): " +
            "the model diverged. Try a lower learning rate, a smaller dynamics scale, or the rectified objective.");
    }
}
