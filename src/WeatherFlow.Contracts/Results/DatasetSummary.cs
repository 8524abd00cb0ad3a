namespace WeatherFlow.Contracts.Results;

/// <param name="SampleShape">[C, H, W] of one sample.</param>
public sealed record DatasetSummary(IReadOnlyList<ChannelStats> ChannelStats, IReadOnlyList<int> SampleShape);
