using WeatherFlow.Contracts.Models;

namespace WeatherFlow.Training;

/// <summary>A run's trained network: its weights as a safetensors file, and what rebuilding it needs.</summary>
public sealed record TrainedModel(byte[] Weights, ModelMetadata Metadata);
