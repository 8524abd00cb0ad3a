using System.Globalization;

namespace WeatherFlow.Datasets;

/// <summary>CF time units, "&lt;unit&gt; since &lt;date&gt;" or a bare unit: hours per unit and the epoch when one is given.</summary>
internal sealed record CfTimeUnits(double HoursPerUnit, DateTimeOffset? Epoch)
{
    private static readonly string[] DateFormats =
        ["yyyy-M-d H:m:s", "yyyy-M-d H:m", "yyyy-M-d'T'H:m:s", "yyyy-M-d'T'H:m:s'Z'", "yyyy-M-d H:m:s'Z'", "yyyy-M-d H:m:s.f", "yyyy-M-d", "yyyy-M-d H"];

    public static CfTimeUnits? Parse(string? units)
    {
        if (string.IsNullOrWhiteSpace(units))
        {
            return null;
        }
        var parts = units.Trim().Split(" since ", 2, StringSplitOptions.TrimEntries);
        if (HoursPer(parts[0]) is not { } hours)
        {
            return null;
        }
        if (parts.Length == 1)
        {
            return new(hours, null);
        }
        var date = parts[1].Replace(" UTC", "", StringComparison.OrdinalIgnoreCase).Replace("+00:00", "", StringComparison.Ordinal).Trim();
        return DateTime.TryParseExact(date, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var epoch)
            ? new(hours, new DateTimeOffset(epoch, TimeSpan.Zero))
            : new(hours, null);
    }

    private static double? HoursPer(string unit) => unit.ToLowerInvariant() switch
    {
        "seconds" or "second" or "secs" or "sec" or "s" => 1.0 / 3600,
        "minutes" or "minute" or "mins" or "min" => 1.0 / 60,
        "hours" or "hour" or "hrs" or "hr" or "h" => 1,
        "days" or "day" or "d" => 24,
        _ => null,
    };
}
