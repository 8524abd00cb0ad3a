namespace WeatherFlow.Contracts.Messaging;

/// <summary>Command sent by the api to the trainers' durable prediction queue: answer this stored request.</summary>
public sealed record RunPrediction(Guid PredictionId);
