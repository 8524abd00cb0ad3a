namespace WeatherFlow.Contracts.Results;

/// <summary>The <c>validation</c> block: one entry per epoch.</summary>
public sealed record ValidationMetrics(IReadOnlyList<ValidationEpochMetrics> Metrics);
