using System.Globalization;

namespace WeatherFlow.Web.Rendering;

/// <summary>
/// Tick labels for a map of a dataset's own grid, at round degrees inside its latitudes and longitudes, placed as
/// percentages of the picture's height (north up) and width. A tick sits where a cell of that coordinate would have
/// its centre, as each pixel is one cell.
/// </summary>
public static class GeoAxes
{
    private static readonly double[] Steps = [0.5, 1, 2, 2.5, 5, 10, 15, 20, 30, 45, 60, 90];

    public static IReadOnlyList<(string Label, double Percent)> Latitudes(IReadOnlyList<double> latitudes)
    {
        if (latitudes.Count < 2)
        {
            return [];
        }
        var (south, north) = (latitudes.Min(), latitudes.Max());
        return [.. RoundValues(south, north).Select(lat => (Label(lat, "N", "S"), Percent(north - lat, north - south, latitudes.Count)))];
    }

    public static IReadOnlyList<(string Label, double Percent)> Longitudes(IReadOnlyList<double> longitudes)
    {
        if (longitudes.Count < 2)
        {
            return [];
        }
        var (first, last) = (longitudes[0], longitudes[^1]);
        var (west, east) = (Math.Min(first, last), Math.Max(first, last));
        return [.. RoundValues(west, east).Select(lon => (Label(Normalised(lon), "E", "W"),
            Percent(first < last ? lon - first : first - lon, east - west, longitudes.Count)))];
    }

    /// <summary>Multiples of the roundest step that gives three to six ticks between the ends.</summary>
    private static IEnumerable<double> RoundValues(double low, double high)
    {
        var step = Steps.FirstOrDefault(step => (high - low) / step <= 5, 90);
        for (var value = Math.Ceiling(low / step) * step; value <= high + 1e-9; value += step)
        {
            yield return value;
        }
    }

    /// <summary>The distance from the picture's first edge to the centre of the cell at <paramref name="offset"/>.</summary>
    private static double Percent(double offset, double span, int cells) =>
        span <= 0 ? 50 : (offset / span * (cells - 1) + 0.5) / cells * 100;

    /// <summary>East positive in (−180, 180], so 220° reads as 140°W.</summary>
    private static double Normalised(double longitude)
    {
        var lon = ((longitude % 360) + 360) % 360;
        return lon > 180 ? lon - 360 : lon;
    }

    private static string Label(double degrees, string positive, string negative)
    {
        var text = Math.Abs(degrees).ToString("0.#", CultureInfo.InvariantCulture);
        return Math.Abs(degrees) < 1e-9 || Math.Abs(Math.Abs(degrees) - 180) < 1e-9 && positive == "E" ? $"{text}°"
            : degrees > 0 ? $"{text}°{positive}" : $"{text}°{negative}";
    }
}
