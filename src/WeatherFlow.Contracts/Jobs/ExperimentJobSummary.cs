namespace WeatherFlow.Contracts.Jobs;

/// <summary>One row of <c>GET /api/experiments?limit=N</c>, newest first.</summary>
public sealed record ExperimentJobSummary(
    Guid Id,
    string Status,
    double Progress,
    string? CurrentStep,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    bool FromCache,
    string Description);
