using System.Text.Json.Serialization;

namespace WeatherFlow.Contracts.Results;

public sealed record ExecutionSummary(double DurationSeconds)
{
    /// <summary>WeatherFlow's addition: the part of the run spent on the evaluation after training.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? EvaluationSeconds { get; init; }
}
