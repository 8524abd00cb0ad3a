using System.Text.Json;

namespace WeatherFlow.Contracts.Jobs;

/// <summary>
/// The job resource at <c>/api/experiments/{id}</c>. <see cref="Config"/> and <see cref="Result"/> are the
/// documents exactly as the contract shapes them (key order included); read them into
/// <c>ExperimentConfig</c>/<c>ExperimentResult</c> with <c>ExperimentJson.Options</c>.
/// </summary>
public sealed record ExperimentJob(
    Guid Id,
    string Status,
    double Progress,
    string? CurrentStep,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    bool FromCache,
    string ConfigHash,
    JsonElement Config,
    JsonElement? Result);
