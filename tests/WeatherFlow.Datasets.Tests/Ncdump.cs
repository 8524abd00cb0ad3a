using System.Globalization;
using System.Text.RegularExpressions;

namespace WeatherFlow.Datasets.Tests;

/// <summary>A variable's values as <c>ncdump -v NAME -f c</c> prints them, one a line with its indices.</summary>
internal static partial class Ncdump
{
    public static float[] Values(string path, string variable) =>
        [.. NetCdfTools.Run("ncdump", "-v", variable, "-f", "c", path)
            .Split('\n')
            .Select(line => ValueLine().Match(line))
            .Where(match => match.Success && match.Groups["name"].Value == variable)
            .Select(match => match.Groups["value"].Value == "_" ? float.NaN : float.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"^\s*(\w+ = )?(?<value>[^,\s;]+)\s*[,;]\s*// (?<name>\w+)\(")]
    private static partial Regex ValueLine();
}
