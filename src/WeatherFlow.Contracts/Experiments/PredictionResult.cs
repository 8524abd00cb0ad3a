namespace WeatherFlow.Contracts.Experiments;

/// <summary>The forecast of the first validation sample at <see cref="Times"/> = linspace(0, 1, timeSteps).</summary>
public sealed record PredictionResult(IReadOnlyList<double> Times, IReadOnlyList<ChannelPrediction> Channels);
