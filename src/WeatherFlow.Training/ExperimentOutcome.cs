using WeatherFlow.Contracts.Results;

namespace WeatherFlow.Training;

/// <summary>What a completed run gives back: the contract's result, and the model that made its forecast.</summary>
public sealed record ExperimentOutcome(ExperimentResult Result, TrainedModel Model);
