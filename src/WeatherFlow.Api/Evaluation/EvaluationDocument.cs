using WeatherFlow.Contracts.Evaluation;

namespace WeatherFlow.Api.Evaluation;

/// <summary>The <c>evaluation</c> member of a stored result, read without its forecast fields; null for a result from before evaluations.</summary>
public static class EvaluationDocument
{
    public static EvaluationResult? Read(string? result) =>
        result is null ? null : JsonSerializer.Deserialize<EvaluatedResult>(result, ExperimentJson.Options)?.Evaluation;

    private sealed record EvaluatedResult(EvaluationResult? Evaluation);
}
