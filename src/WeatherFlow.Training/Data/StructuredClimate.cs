using static TorchSharp.torch;

namespace WeatherFlow.Training.Data;

/// <summary>The stationary part of the structured atmosphere that every sample shares: θ (K) and h (m), [1, H, W].</summary>
internal sealed record StructuredClimate(Tensor Temperature, Tensor Height);
