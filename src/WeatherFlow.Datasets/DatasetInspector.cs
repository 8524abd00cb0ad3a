using WeatherFlow.Datasets.NetCdf;

namespace WeatherFlow.Datasets;

/// <summary>
/// Turns uploaded NetCDF files into a <see cref="DatasetDescription"/>, or refuses them with a
/// <see cref="DatasetRejectedException"/> naming the file, the variable and the problem. This is the one validation of
/// a dataset: what passes here is read later without further checks.
/// </summary>
public static class DatasetInspector
{
    public static DatasetDescription Inspect(IReadOnlyList<DatasetFilePath> files, DatasetHints hints, NetCdfLimits limits)
    {
        if (files.Count == 0)
        {
            throw new DatasetRejectedException("(no file)", null, "at least one NetCDF file is needed");
        }
        var shapes = new List<FileShape>();
        foreach (var file in files)
        {
            using var netCdf = Open(file, limits);
            shapes.Add(FileShape.Of(file, netCdf, hints));
        }
        var first = shapes[0];
        foreach (var shape in shapes.Skip(1))
        {
            RequireSameAxes(first, shape);
        }
        var channels = shapes.SelectMany(shape => shape.Channels).ToList();
        if (channels.GroupBy(channel => channel.Name).FirstOrDefault(group => group.Count() > 1) is { } twice)
        {
            var owners = twice.Select(channel => channel.File).Distinct().ToList();
            throw new DatasetRejectedException(owners[^1], twice.First().FileVariable,
                $"channel '{twice.Key}' is also in {owners[0]}; give one of the files a pressure level, or upload them as two datasets");
        }
        var (missing, fillCells) = Scan(files, channels, first.Grid, first.Time, limits);
        var defective = missing.Concat(hints.DefectiveSteps.Where(step => step >= 0 && step < first.Time.Count)).Distinct().Order().ToList();
        return new([.. shapes.Select(shape => shape.File)], channels, first.Grid, first.Time, defective, fillCells);
    }

    public static NetCdfFile Open(DatasetFilePath file, NetCdfLimits limits)
    {
        try
        {
            return NetCdfFile.Open(file.Path, limits);
        }
        catch (NetCdfFormatException exception)
        {
            throw new DatasetRejectedException(file.Name, null, exception.Message, exception);
        }
    }

    private static void RequireSameAxes(FileShape first, FileShape other)
    {
        if (other.Time.Count != first.Time.Count || Math.Abs(other.Time.StepHours - first.Time.StepHours) > 1e-9 || other.Time.Start != first.Time.Start)
        {
            throw new DatasetRejectedException(other.File.Name, null,
                $"its time axis ({Describe(other.Time)}) differs from {first.File.Name}'s ({Describe(first.Time)}); the files of a dataset share one");
        }
        if (!SameCoordinates(other.Grid.Latitudes, first.Grid.Latitudes) || !SameCoordinates(other.Grid.Longitudes, first.Grid.Longitudes))
        {
            throw new DatasetRejectedException(other.File.Name, null, $"its latitude–longitude grid differs from {first.File.Name}'s; the files of a dataset share one");
        }
    }

    private static string Describe(DatasetTimeAxis time) => $"{time.Count} steps of {time.StepHours} h from {time.Start?.ToString("u") ?? "an unknown start"}";

    private static bool SameCoordinates(IReadOnlyList<double> a, IReadOnlyList<double> b) =>
        a.Count == b.Count && a.Zip(b).All(pair => Math.Abs(pair.First - pair.Second) < 1e-4);

    /// <summary>
    /// Reads every value once, a step at a time: a step where some channel is fill everywhere is missing, and a cell
    /// that is fill in any other step is masked.
    /// </summary>
    private static (List<int> Missing, int FillCells) Scan(IReadOnlyList<DatasetFilePath> files, List<DatasetChannel> channels, DatasetGrid grid, DatasetTimeAxis time, NetCdfLimits limits)
    {
        var mask = new CellMask(grid.Height * grid.Width);
        var missing = new List<int>();
        using var reader = new DatasetValueReader(files, limits);
        var stepValues = new float[channels.Count][];
        for (var step = 0; step < time.Count; step++)
        {
            for (var c = 0; c < channels.Count; c++)
            {
                stepValues[c] = reader.Read(channels[c], step, grid);
            }
            if (stepValues.Any(values => values.All(float.IsNaN)))
            {
                missing.Add(step);
                continue;
            }
            foreach (var values in stepValues)
            {
                mask.Include(values);
            }
        }
        if (missing.Count == time.Count)
        {
            throw new DatasetRejectedException(channels[0].File, channels[0].FileVariable, "every step is fill everywhere: there is nothing to learn from");
        }
        return (missing, mask.Masked);
    }
}
