using static TorchSharp.torch;

namespace WeatherFlow.Training.Evaluation;

/// <summary>
/// The starts a trained model is scored from, in physical units, and what is known at each of <see cref="Steps"/>
/// model steps ahead: <see cref="Truth"/> [K, N, C, H, W], whether it exists (<see cref="Valid"/> [K, N]: a dataset's
/// test block ends, and defective steps are skipped), the forcing of each step [K, N, 1] and the climatology for
/// each target's time [K, N, C, H, W]. None of it was trained or validated on.
/// </summary>
internal sealed record EvaluationSet(
    string Description,
    Tensor Starts,
    Tensor Truth,
    Tensor Valid,
    Tensor Forcing,
    Tensor Climatology,
    double StepHours)
{
    public int Steps => (int)Truth.shape[0];
}
