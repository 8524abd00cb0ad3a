using WeatherFlow.Contracts.Models;

namespace WeatherFlow.Api.Predictions;

internal static class PredictionMappings
{
    public static PredictionJob ToJob(this ExperimentPrediction prediction) => new(
        prediction.Id,
        prediction.ExperimentId,
        prediction.Status,
        JsonSerializer.Deserialize<ForecastRequest>(prediction.Request, ExperimentJson.Options)!,
        prediction.Forecast is null ? null : JsonSerializer.Deserialize<ModelForecast>(prediction.Forecast, ExperimentJson.Options),
        prediction.Error,
        prediction.SubmittedAt,
        prediction.FinishedAt);
}
