namespace WeatherFlow.Contracts.Models;

/// <summary>A forecast asked of a run's model (<c>/api/experiments/{id}/predictions/{predictionId}</c>): queued,
/// running, then completed with its <see cref="Forecast"/>, failed with its <see cref="Error"/>, or cancelled.</summary>
public sealed record PredictionJob(
    Guid Id,
    Guid ExperimentId,
    string Status,
    ForecastRequest Request,
    ModelForecast? Forecast,
    string? Error,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? FinishedAt);
