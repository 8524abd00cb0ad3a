namespace WeatherFlow.Contracts.Config;

public sealed record LodConfig(int MinChunk = 8, int MaxChunk = 48, int Overlap = 2, int MaxZoom = 3);
