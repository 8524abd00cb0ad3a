using WeatherFlow.Datasets.NetCdf;

namespace WeatherFlow.Datasets;

/// <summary>Reads the chosen channels of an inspected dataset into memory for training.</summary>
public static class DatasetLoader
{
    /// <exception cref="DatasetRejectedException">A channel is unknown, or a file no longer matches its description.</exception>
    public static GriddedFields Load(IReadOnlyList<DatasetFilePath> files, DatasetDescription description, IReadOnlyList<string> channelNames, NetCdfLimits limits)
    {
        var channels = channelNames.Select(name => description.Channels.FirstOrDefault(channel => channel.Name == name)
            ?? throw new DatasetRejectedException(description.Files[0].Name, name, $"the dataset has no channel '{name}'")).ToList();
        var (grid, time) = (description.Grid, description.Time);
        var cells = grid.Height * grid.Width;
        var values = new float[(long)time.Count * channels.Count * cells];
        using var reader = new DatasetValueReader(files, limits);
        for (var step = 0; step < time.Count; step++)
        {
            for (var c = 0; c < channels.Count; c++)
            {
                reader.Read(channels[c], step, grid).CopyTo(values, (step * channels.Count + c) * cells);
            }
        }
        return new(grid, time, channels, values, description.DefectiveSteps.ToHashSet());
    }

    /// <summary>One channel at one step, [lat × lon] row-major, NaN at fill cells.</summary>
    public static float[] ReadStep(IReadOnlyList<DatasetFilePath> files, DatasetDescription description, DatasetChannel channel, int step, NetCdfLimits limits)
    {
        using var reader = new DatasetValueReader(files, limits);
        return reader.Read(channel, step, description.Grid);
    }
}
