using System.Text.Json.Serialization;
using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Contracts.Evaluation;
using WeatherFlow.Contracts.Json;

namespace WeatherFlow.Contracts.Results;

/// <summary>
/// The reference server's experiment response. Serialised with <see cref="ExperimentJson.Options"/> it has the
/// keys, order and nesting of the contract's <c>example-response.json</c>, plus the documented additions.
/// </summary>
public sealed record ExperimentResult(
    string ExperimentId,
    ExperimentConfig Config,
    IReadOnlyList<string> ChannelNames,
    TrainingMetrics Metrics,
    ValidationMetrics Validation,
    DatasetSummary DatasetSummary,
    PredictionResult Prediction,
    LodPreview LodPreview,
    SimulationSummary SimulationSummary,
    ExecutionSummary Execution)
{
    /// <summary>WeatherFlow's addition for a run on a stored dataset; absent for the synthetic atmosphere.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DatasetUse? DatasetSource { get; init; }

    /// <summary>WeatherFlow's addition: scores per channel and lead time against persistence and climatology.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EvaluationResult? Evaluation { get; init; }
}
