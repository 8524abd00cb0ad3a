namespace WeatherFlow.Training;

/// <summary>A run failed for a reason inherent to its config (a NaN or infinite loss, an invalid config): retrying cannot help.</summary>
public sealed class ExperimentFailedException(string message) : Exception(message);
