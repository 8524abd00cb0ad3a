namespace WeatherFlow.Datasets;

/// <summary>A file that cannot be a dataset: the message names the file, the variable when one is at fault, and the problem.</summary>
public sealed class DatasetRejectedException(string file, string? variable, string problem, Exception? inner = null)
    : Exception(variable is null ? $"{file}: {problem}" : $"{file}, variable '{variable}': {problem}", inner)
{
    public string File { get; } = file;
    public string? Variable { get; } = variable;
    public string Problem { get; } = problem;
}
