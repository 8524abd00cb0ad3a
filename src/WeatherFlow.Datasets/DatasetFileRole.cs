using WeatherFlow.Datasets.NetCdf;

namespace WeatherFlow.Datasets;

/// <summary>How inspection tells a file's coordinate dimensions apart: by CF units first, then by the usual names.</summary>
internal static class DatasetFileRole
{
    private static readonly string[] LatitudeNames = ["lat", "latitude", "nav_lat"];
    private static readonly string[] LongitudeNames = ["lon", "longitude", "nav_lon"];
    private static readonly string[] LevelNames = ["level", "lev", "plev", "pressure", "pressure_level", "isobaricinhpa", "isobaric"];
    private static readonly string[] LatitudeUnits = ["degrees_north", "degree_north", "degree_n", "degrees_n"];
    private static readonly string[] LongitudeUnits = ["degrees_east", "degree_east", "degree_e", "degrees_e"];
    private static readonly string[] PressureUnits = ["hpa", "millibar", "millibars", "mbar", "mb", "pa"];

    public static bool IsLatitude(NetCdfFile file, string dimension) => Is(file, dimension, LatitudeNames, LatitudeUnits);
    public static bool IsLongitude(NetCdfFile file, string dimension) => Is(file, dimension, LongitudeNames, LongitudeUnits);
    public static bool IsLevel(NetCdfFile file, string dimension) => Is(file, dimension, LevelNames, PressureUnits);

    public static NetCdfVariable? Coordinate(NetCdfFile file, string dimension) =>
        file.Variables.FirstOrDefault(variable => variable.Name == dimension && variable.Dimensions is [{ } only] && only.Name == dimension);

    public static string? Units(NetCdfVariable variable) => variable.Attribute("units")?.Text?.Trim();

    private static bool Is(NetCdfFile file, string dimension, string[] names, string[] units) =>
        (Coordinate(file, dimension) is { } coordinate && Units(coordinate) is { } unit && units.Contains(unit.ToLowerInvariant()))
        || names.Contains(dimension.ToLowerInvariant());
}
