namespace WeatherFlow.Contracts.Messaging;

/// <summary>Event published to every trainer replica: stop running this experiment if you are.</summary>
public sealed record CancelExperiment(Guid ExperimentId);
