namespace WeatherFlow.Contracts.Datasets;

public sealed record DatasetFile(string Name, long Bytes, string Format);
