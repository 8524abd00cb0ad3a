namespace WeatherFlow.Contracts.Jobs;

/// <summary>
/// The data of each event on <c>/api/experiments/{id}/events</c>: <c>event: progress</c> while the job is queued
/// or running, then one last event named after the final status (<c>completed</c>, <c>failed</c>, <c>cancelled</c>).
/// </summary>
public sealed record ExperimentJobEvent(
    Guid Id,
    string Status,
    double Progress,
    string? CurrentStep,
    double? Loss,
    string? Error,
    DateTimeOffset Timestamp);
