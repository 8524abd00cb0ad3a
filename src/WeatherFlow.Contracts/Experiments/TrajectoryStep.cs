namespace WeatherFlow.Contracts.Experiments;

public sealed record TrajectoryStep(double Time, IReadOnlyList<IReadOnlyList<double>> Data);
