using static TorchSharp.torch;

namespace WeatherFlow.Training.Learning;

/// <summary>The scalar losses of one batch, detached: when learning, the objective has already backpropagated them.</summary>
internal sealed record BatchLosses(Tensor Total, Tensor Flow, Tensor Divergence, Tensor Rollout, Tensor EnergyDiff)
{
    /// <summary>All five values in one read from native memory: total, flow, divergence, rollout, energy diff.</summary>
    public float[] Read() => stack([Total, Flow, Divergence, Rollout, EnergyDiff]).data<float>().ToArray();
}
