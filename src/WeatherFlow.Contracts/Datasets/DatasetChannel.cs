namespace WeatherFlow.Contracts.Datasets;

/// <summary>
/// One field of a dataset at one level: <see cref="Name"/> is "variable" for a single-level field and
/// "variable@level" (hPa) for one level of a multi-level field. <see cref="FileVariable"/> is the variable's name in
/// <see cref="File"/>, <see cref="LevelIndex"/> its index along the level dimension (null for a single-level field).
/// </summary>
public sealed record DatasetChannel(string Name, string File, string FileVariable, double? Level, int? LevelIndex, string Units, string? LongName);
