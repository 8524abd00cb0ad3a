using static TorchSharp.torch;

namespace WeatherFlow.Training.Models;

/// <summary>The transformer-style sinusoidal encoding of t ∈ [0, 1]: dim/2 sines then dim/2 cosines.</summary>
internal static class TimeEmbedding
{
    public static Tensor Frequencies(int dim)
    {
        var half = dim / 2;
        return (arange(half, dtype: ScalarType.Float32) * -(Math.Log(10000) / (half - 1))).exp();
    }

    public static Tensor Encode(Tensor t, Tensor frequencies)
    {
        var angles = t.unsqueeze(1) * frequencies.unsqueeze(0);
        return cat([angles.sin(), angles.cos()], 1);
    }
}
