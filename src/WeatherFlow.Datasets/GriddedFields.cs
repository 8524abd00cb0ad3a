namespace WeatherFlow.Datasets;

/// <summary>
/// The values of a dataset's chosen channels, as the engine takes them: <see cref="Values"/> is [time, channel,
/// latitude, longitude] row-major, NaN where a file holds a fill value. <see cref="DefectiveSteps"/> are steps no
/// sample may use.
/// </summary>
public sealed record GriddedFields(
    DatasetGrid Grid,
    DatasetTimeAxis Time,
    IReadOnlyList<DatasetChannel> Channels,
    float[] Values,
    IReadOnlySet<int> DefectiveSteps)
{
    public int Cells => Grid.Height * Grid.Width;

    public ReadOnlySpan<float> Step(int step, int channel) =>
        Values.AsSpan((step * Channels.Count + channel) * Cells, Cells);

    /// <summary>
    /// Cells that hold a value in every usable step of every channel; the rest (fill-value corners of a regional
    /// grid, say) count in neither loss nor scores. A step where a channel is fill everywhere is missing, not masking.
    /// </summary>
    public bool[] ValidCells()
    {
        var mask = new CellMask(Cells);
        foreach (var step in Enumerable.Range(0, Time.Count).Where(step => !DefectiveSteps.Contains(step)))
        {
            for (var channel = 0; channel < Channels.Count; channel++)
            {
                mask.Include(Step(step, channel));
            }
        }
        return mask.Valid;
    }
}
