namespace WeatherFlow.Contracts.Results;

/// <summary>Batch means over one training epoch; <see cref="Epoch"/> is 1-based.</summary>
public sealed record EpochMetrics(int Epoch, double Loss, double FlowLoss, double DivergenceLoss, double RolloutLoss, double EnergyDiff);
