using WeatherFlow.Datasets.NetCdf;

namespace WeatherFlow.Datasets;

/// <summary>Reads one channel at one step from a dataset's files, keeping each file open and the last slice of a multi-level variable.</summary>
internal sealed class DatasetValueReader(IReadOnlyList<DatasetFilePath> files, NetCdfLimits limits) : IDisposable
{
    private readonly Dictionary<string, NetCdfFile> open = [];
    private (string File, string Variable, int Step, float[] Values)? lastSlice;

    public float[] Read(DatasetChannel channel, int step, DatasetGrid grid)
    {
        var cells = grid.Height * grid.Width;
        var slice = Slice(channel, step);
        var offset = (channel.LevelIndex ?? 0) * cells;
        if (slice.Length < offset + cells || (channel.LevelIndex is null && slice.Length != cells))
        {
            throw new DatasetRejectedException(channel.File, channel.FileVariable, $"step {step} holds {slice.Length} values, which do not fit its levels and the {grid.Height} × {grid.Width} grid");
        }
        return slice.AsSpan(offset, cells).ToArray();
    }

    private float[] Slice(DatasetChannel channel, int step)
    {
        if (lastSlice is { } last && last.File == channel.File && last.Variable == channel.FileVariable && last.Step == step)
        {
            return last.Values;
        }
        var file = File(channel.File);
        var variable = file.Variables.First(variable => variable.Name == channel.FileVariable);
        try
        {
            var values = file.ReadSlice(variable, step);
            lastSlice = (channel.File, channel.FileVariable, step, values);
            return values;
        }
        catch (NetCdfFormatException exception)
        {
            throw new DatasetRejectedException(channel.File, channel.FileVariable, exception.Message, exception);
        }
    }

    private NetCdfFile File(string name)
    {
        if (!open.TryGetValue(name, out var file))
        {
            var path = files.FirstOrDefault(file => file.Name == name)
                ?? throw new DatasetRejectedException(name, null, "the file is not among the dataset's files");
            file = DatasetInspector.Open(path, limits);
            open[name] = file;
        }
        return file;
    }

    public void Dispose()
    {
        foreach (var file in open.Values)
        {
            file.Dispose();
        }
    }
}
