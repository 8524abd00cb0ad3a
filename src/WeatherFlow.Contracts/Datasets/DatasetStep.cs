namespace WeatherFlow.Contracts.Datasets;

/// <summary>One channel of a dataset at one step, for a map: <see cref="Values"/> is [lat][lon], null at fill cells.</summary>
public sealed record DatasetStep(string Channel, int Step, DateTimeOffset? Time, string Units, IReadOnlyList<double> Latitudes,
    IReadOnlyList<double> Longitudes, IReadOnlyList<IReadOnlyList<double?>> Values);
