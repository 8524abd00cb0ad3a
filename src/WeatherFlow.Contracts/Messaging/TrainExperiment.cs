namespace WeatherFlow.Contracts.Messaging;

/// <summary>
/// Command sent by the api to the trainers' durable queue. The config is its canonical JSON, already valid: the
/// trainer reads it back with <see cref="Experiments.ExperimentConfig.FromCanonicalJson"/> and checks nothing more.
/// </summary>
public sealed record TrainExperiment(Guid ExperimentId, string ConfigHash, string ConfigJson);
