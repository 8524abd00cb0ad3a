namespace WeatherFlow.Datasets;

/// <summary>
/// What the files may lack, given at upload (the storm files, for one, carry neither units nor a CF time axis):
/// the time step and start, a unit per variable, a pressure level (hPa) for every single-level field of a file,
/// and steps known to be defective. What a file says itself wins over a hint.
/// </summary>
public sealed record DatasetHints
{
    public static DatasetHints None { get; } = new();

    public double? StepHours { get; init; }
    public DateTimeOffset? Start { get; init; }
    public IReadOnlyDictionary<string, string> Units { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, double> FileLevels { get; init; } = new Dictionary<string, double>();
    public IReadOnlyList<int> DefectiveSteps { get; init; } = [];
}
