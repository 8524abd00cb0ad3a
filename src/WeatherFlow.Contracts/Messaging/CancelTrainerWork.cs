namespace WeatherFlow.Contracts.Messaging;

/// <summary>Event published to every trainer replica: stop running this work (an experiment or a prediction) if you are.</summary>
public sealed record CancelTrainerWork(Guid WorkId);
