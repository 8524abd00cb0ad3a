namespace WeatherFlow.Contracts.Results;

/// <summary>The <c>metrics</c> and <c>validation</c> blocks of an <see cref="ExperimentResult"/> document: reading
/// only these skips the (large) prediction fields.</summary>
public sealed record ResultMetrics(TrainingMetrics Metrics, ValidationMetrics Validation);
