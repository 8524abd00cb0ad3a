namespace WeatherFlow.Contracts.Results;

/// <summary>The forecast of the first validation sample at <see cref="Times"/> = linspace(0, 1, timeSteps).</summary>
/// <param name="ModelEpoch">WeatherFlow's addition: the epoch whose weights made this forecast.</param>
public sealed record PredictionResult(IReadOnlyList<double> Times, IReadOnlyList<ChannelPrediction> Channels, int ModelEpoch);
