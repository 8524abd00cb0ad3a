namespace WeatherFlow.Web.Rendering;

/// <summary>Where the latitude and longitude ticks of a map go, as percentages of its height and width: the grid's
/// rows run from the south pole to the north pole (drawn north up) and its columns from 0° eastwards.</summary>
public static class MapAxes
{
    public static IReadOnlyList<(string Label, double Percent)> Latitudes { get; } =
        [.. new[] { 60, 30, 0, -30, -60 }.Select(lat => (Name(lat, "N", "S"), (90 - lat) / 180.0 * 100))];

    public static IReadOnlyList<(string Label, double Percent)> Longitudes { get; } =
        [.. new[] { 0, 90, 180, 270 }.Select(lon => (lon switch { 0 => "0°", 180 => "180°", < 180 => $"{lon}°E", _ => $"{360 - lon}°W" }, lon / 360.0 * 100))];

    private static string Name(int degrees, string positive, string negative) =>
        degrees == 0 ? "0°" : degrees > 0 ? $"{degrees}°{positive}" : $"{-degrees}°{negative}";
}
