namespace WeatherFlow.Contracts.Config;

public sealed record GridSize(int Lat = 16, int Lon = 32);
