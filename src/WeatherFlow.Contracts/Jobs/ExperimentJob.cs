using System.Text.Json;

namespace WeatherFlow.Contracts.Jobs;

/// <summary>
/// The job resource at <c>/api/experiments/{id}</c>. <see cref="Config"/> and <see cref="Result"/> are the
/// documents exactly as the contract shapes them (key order included); read them into
/// <c>ExperimentConfig</c>/<c>ExperimentResult</c> with <c>ExperimentJson.Options</c>.
/// <see cref="TrainerInstance"/> is the <c>service.instance.id</c> of the trainer replica that holds or last held it,
/// <see cref="Description"/> states what it trains (the effective grid, samples, epochs, backbone and seed),
/// and <see cref="Attempts"/> how many times a trainer started it (more than one after a trainer died mid-run).
/// </summary>
public sealed record ExperimentJob(
    Guid Id,
    string Name,
    IReadOnlyList<string> Tags,
    string? Note,
    string Description,
    string Status,
    double Progress,
    string? CurrentStep,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    bool FromCache,
    string? TrainerInstance,
    int Attempts,
    string ConfigHash,
    JsonElement Config,
    JsonElement? Result);
