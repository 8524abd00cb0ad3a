namespace WeatherFlow.Contracts.Results;

/// <summary>Statistics of one channel over the training inputs x0; <see cref="Std"/> is the population std.</summary>
public sealed record ChannelStats(string Name, double Mean, double Std, double Min, double Max);
