namespace WeatherFlow.Contracts.Results;

public sealed record TrajectoryStep(double Time, IReadOnlyList<IReadOnlyList<double>> Data);
