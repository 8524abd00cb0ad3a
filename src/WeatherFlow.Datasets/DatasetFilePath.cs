namespace WeatherFlow.Datasets;

/// <summary>A dataset file on local disk: <see cref="Name"/> as uploaded, <see cref="Path"/> where it is now.</summary>
public sealed record DatasetFilePath(string Name, string Path);
