using System.Globalization;
using WeatherFlow.Datasets.NetCdf;

namespace WeatherFlow.Datasets;

/// <summary>One file's fields, grid and time axis, read from its header and coordinates.</summary>
internal sealed record FileShape(DatasetFile File, IReadOnlyList<DatasetChannel> Channels, DatasetGrid Grid, DatasetTimeAxis Time)
{
    private const int MinimumGridSide = 4;

    public static FileShape Of(DatasetFilePath path, NetCdfFile file, DatasetHints hints)
    {
        var name = path.Name;
        var fields = file.Variables.Where(variable => IsField(file, variable)).ToList();
        if (fields.Count == 0)
        {
            throw new DatasetRejectedException(name, null,
                "no floating-point field with dimensions (time, [level,] latitude, longitude) and latitude/longitude coordinates");
        }
        var timeDimension = fields[0].Dimensions[0];
        if (fields.FirstOrDefault(field => field.Dimensions[0].Name != timeDimension.Name) is { } other)
        {
            throw new DatasetRejectedException(name, other.Name, $"its first dimension '{other.Dimensions[0].Name}' is not the time dimension '{timeDimension.Name}' of '{fields[0].Name}'");
        }
        var latitude = fields[0].Dimensions[^2].Name;
        var longitude = fields[0].Dimensions[^1].Name;
        var grid = new DatasetGrid(
            RegularCoordinate(file, name, latitude, "latitude", -90, 90, MinimumGridSide),
            RegularCoordinate(file, name, longitude, "longitude", -360, 720, MinimumGridSide));
        if (fields.FirstOrDefault(field => field.Dimensions[^2].Name != latitude || field.Dimensions[^1].Name != longitude) is { } misplaced)
        {
            throw new DatasetRejectedException(name, misplaced.Name, $"its grid dimensions differ from '{fields[0].Name}''s ({latitude}, {longitude})");
        }
        var time = TimeAxis(file, name, timeDimension, hints);
        var channels = fields.SelectMany(field => ChannelsOf(file, name, field, hints)).ToList();
        return new(new DatasetFile(name, new FileInfo(path.Path).Length, file.Format.ToString()), channels, grid, time);
    }

    private static bool IsField(NetCdfFile file, NetCdfVariable variable) =>
        variable.Dimensions.Count is 3 or 4
        && (variable.Type is NetCdfType.Float or NetCdfType.Double
            || (variable.Type is NetCdfType.Short or NetCdfType.Byte or NetCdfType.UShort or NetCdfType.UByte && variable.Attribute("scale_factor") is not null))
        && DatasetFileRole.IsLatitude(file, variable.Dimensions[^2].Name)
        && DatasetFileRole.IsLongitude(file, variable.Dimensions[^1].Name)
        && (variable.Dimensions.Count == 3 || DatasetFileRole.IsLevel(file, variable.Dimensions[1].Name));

    private static IEnumerable<DatasetChannel> ChannelsOf(NetCdfFile file, string name, NetCdfVariable field, DatasetHints hints)
    {
        var units = DatasetFileRole.Units(field) ?? hints.Units.GetValueOrDefault(field.Name) ?? "";
        var longName = field.Attribute("long_name")?.Text;
        if (field.Dimensions.Count == 3)
        {
            var level = hints.FileLevels.TryGetValue(name, out var given) ? given : (double?)null;
            yield return new(ChannelName(field.Name, level), name, field.Name, level, null, units, longName);
            yield break;
        }
        foreach (var (level, index) in Levels(file, name, field).Select((level, index) => (level, index)))
        {
            yield return new(ChannelName(field.Name, level), name, field.Name, level, index, units, longName);
        }
    }

    private static string ChannelName(string variable, double? level) =>
        level is { } hPa ? $"{variable}@{hPa.ToString("0.###", CultureInfo.InvariantCulture)}" : variable;

    /// <summary>The level coordinate in hPa (Pa converted), distinct and finite.</summary>
    private static double[] Levels(NetCdfFile file, string name, NetCdfVariable field)
    {
        var dimension = field.Dimensions[1].Name;
        var coordinate = DatasetFileRole.Coordinate(file, dimension)
            ?? throw new DatasetRejectedException(name, field.Name, $"its level dimension '{dimension}' has no coordinate variable giving the pressure levels");
        var values = Read(file, name, coordinate);
        if (values.Any(value => !double.IsFinite(value) || value <= 0) || values.Distinct().Count() != values.Length)
        {
            throw new DatasetRejectedException(name, coordinate.Name, "pressure levels must be distinct, finite and positive");
        }
        return string.Equals(DatasetFileRole.Units(coordinate), "Pa", StringComparison.OrdinalIgnoreCase)
            ? [.. values.Select(pascal => pascal / 100)]
            : values;
    }

    private static double[] RegularCoordinate(NetCdfFile file, string name, string dimension, string what, double min, double max, int minimumCount)
    {
        var coordinate = DatasetFileRole.Coordinate(file, dimension)
            ?? throw new DatasetRejectedException(name, dimension, $"the {what} dimension has no coordinate variable");
        var values = Read(file, name, coordinate);
        if (values.Length < minimumCount)
        {
            throw new DatasetRejectedException(name, coordinate.Name, $"a grid needs at least {minimumCount} {what}s; this one has {values.Length}");
        }
        if (values.Any(value => !double.IsFinite(value) || value < min || value > max))
        {
            throw new DatasetRejectedException(name, coordinate.Name, $"{what}s must be finite degrees between {min} and {max}");
        }
        RequireRegular(name, coordinate.Name, values, what);
        return values;
    }

    private static void RequireRegular(string name, string variable, double[] values, string what)
    {
        var step = values[1] - values[0];
        var tolerance = Math.Abs(step) * 1e-3 + 1e-9;
        if (step == 0 || values.Zip(values.Skip(1)).Any(pair => Math.Abs(pair.Second - pair.First - step) > tolerance))
        {
            throw new DatasetRejectedException(name, variable, $"{what} values must be monotonic and evenly spaced");
        }
    }

    private static DatasetTimeAxis TimeAxis(NetCdfFile file, string name, NetCdfDimension dimension, DatasetHints hints)
    {
        if (dimension.Length < 2)
        {
            throw new DatasetRejectedException(name, dimension.Name, "a time axis needs at least two steps");
        }
        if (DatasetFileRole.Coordinate(file, dimension.Name) is not { } coordinate)
        {
            return hints.StepHours is { } step
                ? new(hints.Start, step, (int)dimension.Length)
                : throw new DatasetRejectedException(name, dimension.Name, "the time dimension has no coordinate variable; give stepHours at upload");
        }
        var values = Read(file, name, coordinate);
        if (values.Any(value => !double.IsFinite(value)))
        {
            throw new DatasetRejectedException(name, coordinate.Name, "time values must be finite");
        }
        RequireRegular(name, coordinate.Name, values, "time");
        var difference = values[1] - values[0];
        if (difference < 0)
        {
            throw new DatasetRejectedException(name, coordinate.Name, "time must increase");
        }
        var units = CfTimeUnits.Parse(DatasetFileRole.Units(coordinate));
        if (units is { HoursPerUnit: var hoursPerUnit })
        {
            var start = units.Epoch?.AddHours(values[0] * hoursPerUnit) ?? hints.Start;
            return new(start, difference * hoursPerUnit, values.Length);
        }
        return hints.StepHours is { } hinted
            ? new(hints.Start, hinted, values.Length)
            : throw new DatasetRejectedException(name, coordinate.Name, "the time axis has no units (CF \"hours since …\"); give stepHours at upload");
    }

    private static double[] Read(NetCdfFile file, string name, NetCdfVariable variable)
    {
        try
        {
            return file.ReadDoubles(variable);
        }
        catch (NetCdfFormatException exception)
        {
            throw new DatasetRejectedException(name, variable.Name, exception.Message, exception);
        }
    }
}
