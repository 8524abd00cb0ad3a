namespace WeatherFlow.Contracts.Messaging;

/// <summary>Command sent by the api to the trainers' durable queue; the config is its canonical JSON.</summary>
public sealed record TrainExperiment(Guid ExperimentId, string ConfigHash, string ConfigJson);
