namespace WeatherFlow.Contracts.Results;

/// <summary>The <c>metrics</c> block: one entry per epoch.</summary>
public sealed record TrainingMetrics(IReadOnlyList<EpochMetrics> Train);
