namespace WeatherFlow.Contracts.Results;

/// <param name="ChunkShape">[lat, lon] of a level-0 tile.</param>
public sealed record LodPreview(IReadOnlyList<int> ChunkShape, IReadOnlyList<LodTile> Tiles);
