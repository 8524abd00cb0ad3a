namespace WeatherFlow.Contracts.Results;

/// <summary>One tile of the level-of-detail pyramid; mean and population std are over all channels. Ends are exclusive.</summary>
public sealed record LodTile(int Level, string Tile, int LatStart, int LatEnd, int LonStart, int LonEnd, double Mean, double Std);
