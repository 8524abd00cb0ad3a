using TorchSharp;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Models;

/// <summary>
/// A learned velocity field v(x, t): x is [B, C, H, W], t is [B], static is [1 or B, 2, H, W] and forcing [B, 1].
/// Every backbone takes the same inputs, so the training loop and the solvers need not know which one runs.
/// </summary>
internal abstract class FlowModel(string name) : nn.Module<Tensor, Tensor, Tensor, Tensor, Tensor>(name)
{
    /// <summary>The static features every backbone is given: the orography and land mask every sample shares.</summary>
    protected const int StaticChannels = 2;

    /// <summary>Zeroes the output layer, so that the untrained model's velocity is 0 and its forecast is persistence.</summary>
    public abstract void StartFromPersistence();

    /// <summary>
    /// The solver's view for forecasts without gradients: each evaluation's intermediate tensors are freed as it
    /// returns, where a scope around the whole solve would hold those of every evaluation until the end.
    /// </summary>
    public Func<double, Tensor, Tensor> InferenceField(Tensor staticFeatures, Tensor forcing) =>
        (time, x) =>
        {
            using var scope = NewDisposeScope();
            using var t = full(x.shape[0], time, dtype: x.dtype);
            return call(x, t, staticFeatures, forcing).MoveToOuterDisposeScope();
        };

    /// <summary>A solver's view of the model: one time for the whole batch.</summary>
    public Func<double, Tensor, Tensor> Field(Tensor staticFeatures, Tensor forcing) =>
        (time, x) =>
        {
            using var t = full(x.shape[0], time, dtype: x.dtype);
            return call(x, t, staticFeatures, forcing);
        };
}
