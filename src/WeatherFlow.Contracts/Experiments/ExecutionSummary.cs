namespace WeatherFlow.Contracts.Experiments;

public sealed record ExecutionSummary(double DurationSeconds);
