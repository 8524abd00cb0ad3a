namespace WeatherFlow.Contracts.Messaging;

/// <summary>Event published to every trainer replica: stop running this prediction if you are.</summary>
public sealed record CancelPrediction(Guid PredictionId);
