namespace WeatherFlow.Contracts.Datasets;

/// <summary>A regular latitude–longitude grid in degrees, in the file's order (latitude may run either way).</summary>
public sealed record DatasetGrid(IReadOnlyList<double> Latitudes, IReadOnlyList<double> Longitudes)
{
    public int Height => Latitudes.Count;
    public int Width => Longitudes.Count;
    public double LongitudeStep => Math.Abs(Longitudes[1] - Longitudes[0]);

    /// <summary>Longitudes that close the circle: only such a grid may wrap around in the model's padding.</summary>
    public bool IsGlobal => Math.Abs(LongitudeStep * Width - 360) < LongitudeStep / 2;
}
