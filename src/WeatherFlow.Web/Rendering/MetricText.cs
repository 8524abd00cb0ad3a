using System.Globalization;

namespace WeatherFlow.Web.Rendering;

/// <summary>How the history pages print a score or a time: a dash where a run has none.</summary>
public static class MetricText
{
    public static string Of(double? value) => value is { } number ? number.ToString("G4", CultureInfo.InvariantCulture) : "–";

    public static string Skill(double? value) => value is { } number ? number.ToString("+0.000;-0.000", CultureInfo.InvariantCulture) : "–";

    public static string Seconds(double? value) => value is { } seconds ? $"{seconds.ToString("0.0", CultureInfo.InvariantCulture)} s" : "–";
}
