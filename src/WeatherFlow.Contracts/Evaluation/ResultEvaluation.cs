using WeatherFlow.Contracts.Json;

namespace WeatherFlow.Contracts.Evaluation;

/// <summary>The <c>evaluation</c> member of a stored result document, read without its forecast fields.</summary>
public sealed record ResultEvaluation(EvaluationResult? Evaluation)
{
    /// <returns>Null for no result, or one from before evaluations existed.</returns>
    public static EvaluationResult? Read(string? resultJson) =>
        resultJson is null ? null : System.Text.Json.JsonSerializer.Deserialize<ResultEvaluation>(resultJson, ExperimentJson.Options)?.Evaluation;
}
