namespace WeatherFlow.Contracts.Config;

/// <summary>Tiled prediction runs only when both tile sizes are positive.</summary>
public sealed record InferenceConfig(int TileSizeLat = 0, int TileSizeLon = 0, int TileOverlap = 0);
