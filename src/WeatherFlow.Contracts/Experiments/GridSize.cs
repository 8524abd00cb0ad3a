namespace WeatherFlow.Contracts.Experiments;

public sealed record GridSize(int Lat = 16, int Lon = 32);
