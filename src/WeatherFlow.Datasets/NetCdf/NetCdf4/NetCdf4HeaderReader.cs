using PureHDF;
using PureHDF.VOL.Native;

namespace WeatherFlow.Datasets.NetCdf.NetCdf4;

/// <summary>
/// Maps the HDF5 objects of a NetCDF-4 file's root group onto NetCDF's model, the way netCDF-C stores it: each
/// dimension is a dimension scale (a coordinate variable, or a dataset without data whose NAME says it is only a
/// dimension), numbered by <c>_Netcdf4Dimid</c>; a variable names its dimensions by <c>_Netcdf4Coordinates</c>
/// (dimension ids) or, in files from other writers, by the references of its <c>DIMENSION_LIST</c>.
/// </summary>
internal static class NetCdf4HeaderReader
{
    private const string DimensionOnlyName = "This is a netCDF dimension but not a netCDF variable";

    private sealed record Scale(IH5Dataset Dataset, int Id, long StoredLength, bool IsUnlimited);

    public static NetCdf4Header Read(NativeFile file, NetCdfLimits limits)
    {
        var datasets = file.Children().OfType<IH5Dataset>().Take(limits.MaxCount + 1).ToList();
        if (datasets.Count > limits.MaxCount)
            throw new NetCdfFormatException($"The root group holds more than {limits.MaxCount} datasets (MaxCount).");
        if (!file.AttributeExists("_NCProperties") && !datasets.Any(dataset => dataset.AttributeExists("_Netcdf4Dimid") || dataset.AttributeExists("DIMENSION_LIST")))
            throw new NetCdfFormatException("An HDF5 file that is not NetCDF-4: it has neither _NCProperties nor NetCDF dimensions.");

        var scales = datasets
            .Where(dataset => Hdf5Attributes.Text(dataset, "CLASS") == "DIMENSION_SCALE")
            .Select(ToScale)
            .OrderBy(scale => scale.Id)
            .ToList();
        var variables = datasets
            .Where(dataset => Hdf5Attributes.Text(dataset, "NAME")?.StartsWith(DimensionOnlyName, StringComparison.Ordinal) != true)
            .Select(dataset => (Dataset: dataset, Scales: ScalesOf(file, dataset, scales)))
            .ToList();
        var dimensions = scales.ToDictionary(scale => scale, scale => ToDimension(scale, variables));
        return new NetCdf4Header(
            [.. scales.Select(scale => dimensions[scale])],
            Hdf5Attributes.Read(file, limits),
            [.. variables.Select(variable => ToVariable(variable.Dataset, [.. variable.Scales.Select(scale => dimensions[scale])], limits))]);
    }

    private static Scale ToScale(IH5Dataset dataset)
    {
        if (dataset.Space.Rank != 1)
            throw new NetCdfFormatException($"Dimension '{dataset.Name}' is a dimension scale of rank {dataset.Space.Rank}, not 1.");
        var id = Hdf5Attributes.Integers(dataset, "_Netcdf4Dimid") is [var dimid] ? dimid : int.MaxValue;
        return new Scale(dataset, id, ToLength(dataset.Space.Dimensions[0], dataset.Name), dataset.Space.MaxDimensions[0] == ulong.MaxValue);
    }

    /// <summary>
    /// An unlimited dimension is as long as the longest variable along it: a dimension-only scale stores no records,
    /// and netCDF-C extends each variable only as far as it was written.
    /// </summary>
    private static NetCdfDimension ToDimension(Scale scale, List<(IH5Dataset Dataset, IReadOnlyList<Scale> Scales)> variables)
    {
        var length = !scale.IsUnlimited ? scale.StoredLength : variables
            .SelectMany(variable => variable.Scales.Select((used, position) => used == scale ? ToLength(variable.Dataset.Space.Dimensions[position], variable.Dataset.Name) : 0))
            .Append(scale.StoredLength)
            .Max();
        return new NetCdfDimension(scale.Dataset.Name, length, scale.IsUnlimited);
    }

    private static NetCdf4Variable ToVariable(IH5Dataset dataset, IReadOnlyList<NetCdfDimension> dimensions, NetCdfLimits limits)
    {
        if (dataset.Name.Length > limits.MaxNameLength)
            throw new NetCdfFormatException($"A variable has a {dataset.Name.Length}-character name (at most {limits.MaxNameLength}).");
        var extent = dataset.Space.Dimensions;
        if (dimensions.Count != extent.Length)
            throw new NetCdfFormatException($"Variable '{dataset.Name}' has {extent.Length} dimensions but names {dimensions.Count}.");
        for (var i = 0; i < extent.Length; i++)
        {
            var stored = ToLength(extent[i], dataset.Name);
            var fewerRecords = i == 0 && dimensions[i].IsUnlimited && stored <= dimensions[i].Length;
            if (stored != dimensions[i].Length && !fewerRecords)
                throw new NetCdfFormatException($"Variable '{dataset.Name}' stores {stored} values along dimension '{dimensions[i].Name}' of length {dimensions[i].Length}.");
        }
        var header = new NetCdfVariable(dataset.Name, dimensions, Hdf5Types.ToNetCdf(dataset.Type, dataset.Name), Hdf5Attributes.Read(dataset, limits));
        return new NetCdf4Variable(header, dataset, extent.Length == 0 ? 1 : ToLength(extent[0], dataset.Name));
    }

    private static IReadOnlyList<Scale> ScalesOf(NativeFile file, IH5Dataset dataset, List<Scale> scales)
    {
        if (dataset.Space.Rank == 0)
            return [];
        if (Hdf5Attributes.Integers(dataset, "_Netcdf4Coordinates") is { } ids)
            return [.. ids.Select(id => scales.FirstOrDefault(scale => scale.Id == id)
                ?? throw new NetCdfFormatException($"Variable '{dataset.Name}' refers to dimension id {id}, which does not exist."))];
        if (scales.FirstOrDefault(scale => scale.Dataset.Name == dataset.Name) is { } own)
            return [own];
        if (dataset.AttributeExists("DIMENSION_LIST"))
            return [.. dataset.Attribute("DIMENSION_LIST").Read<NativeObjectReference1[][]>().Select(references =>
                references is [var reference] && file.Get(reference) is { } target && scales.FirstOrDefault(scale => scale.Dataset.Name == target.Name) is { } scale
                    ? scale
                    : throw new NetCdfFormatException($"Variable '{dataset.Name}' has a DIMENSION_LIST entry that is not one dimension scale."))];
        throw new NetCdfFormatException($"Variable '{dataset.Name}' has no NetCDF dimensions (neither _Netcdf4Coordinates nor DIMENSION_LIST).");
    }

    private static long ToLength(ulong length, string owner) =>
        length <= long.MaxValue ? (long)length : throw new NetCdfFormatException($"'{owner}' claims a length of {length}.");
}
