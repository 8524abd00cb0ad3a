using System.Globalization;
using WeatherFlow.Datasets;

namespace WeatherFlow.Api.Datasets;

/// <summary>
/// The upload's text fields that fill what the files lack: <c>stepHours</c>, <c>start</c> (ISO 8601),
/// <c>units</c> ("t=K,p=Pa"), <c>levels</c> ("U500.nc=500", hPa per file of single-level fields) and
/// <c>defectiveSteps</c> ("36,37"). A malformed one is a 400 naming it.
/// </summary>
public static class DatasetHintsForm
{
    public static DatasetHints Read(IReadOnlyDictionary<string, string> fields) => new()
    {
        StepHours = Field(fields, "stepHours") is { } step
            ? double.TryParse(step, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) && hours > 0 && hours <= 24 * 366
                ? hours
                : throw DatasetUploadReader.BadRequest("stepHours must be a number of hours between 0 and 8784.")
            : null,
        Start = Field(fields, "start") is { } start
            ? DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                ? time.ToUniversalTime()
                : throw DatasetUploadReader.BadRequest("start must be an ISO 8601 time, e.g. 1996-01-05T00:00Z.")
            : null,
        Units = Pairs(fields, "units", value => value.Length <= 64 && !value.Any(char.IsControl)),
        FileLevels = Pairs(fields, "levels", value => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var level) && level is > 0 and <= 2000)
            .ToDictionary(pair => pair.Key, pair => double.Parse(pair.Value, CultureInfo.InvariantCulture)),
        DefectiveSteps = Field(fields, "defectiveSteps") is { } steps
            ? [.. steps.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(step =>
                int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index
                : throw DatasetUploadReader.BadRequest($"defectiveSteps must be step indexes separated by commas; '{step}' is not one."))]
            : [],
    };

    private static string? Field(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.GetValueOrDefault(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static Dictionary<string, string> Pairs(IReadOnlyDictionary<string, string> fields, string name, Func<string, bool> isValid)
    {
        var pairs = new Dictionary<string, string>();
        foreach (var pair in (Field(fields, name) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || !isValid(parts[1]))
            {
                throw DatasetUploadReader.BadRequest($"{name} must be name=value pairs separated by commas; '{pair}' is not one.");
            }
            pairs[parts[0]] = parts[1];
        }
        return pairs;
    }
}
