using System.Text.Json;
using WeatherFlow.Contracts.Models;

namespace WeatherFlow.Trainer.Runs;

/// <summary>The trainer's reads and writes of a prediction row; every write is conditional on the row still being
/// queued or running, so a prediction the api cancelled stays cancelled.</summary>
public sealed class PredictionStore(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>Marks the prediction running and loads what it needs; null when it is already final. A running one
    /// is taken again: its message was redelivered because the trainer that held it stopped.</summary>
    public async Task<PredictionWork?> ClaimAsync(Guid predictionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
        var claimed = await Open(db, predictionId).ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, ExperimentJobStatus.Running), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }
        var work = await db.ExperimentPredictions.Where(p => p.Id == predictionId)
            .Join(db.Experiments, p => p.ExperimentId, e => e.Id, (p, e) => new { p.Request, e.ConfigHash })
            .Join(db.ExperimentModels, pe => pe.ConfigHash, m => m.ConfigHash, (pe, m) => new { pe.Request, m.Metadata, m.Weights })
            .FirstOrDefaultAsync(cancellationToken);
        return work?.Weights is { } weights
            ? new PredictionWork(
                JsonSerializer.Deserialize<ForecastRequest>(work.Request, ExperimentJson.Options)!,
                new TrainedModel(weights, JsonSerializer.Deserialize<ModelMetadata>(work.Metadata, ExperimentJson.Options)!))
            : new PredictionWork(null, null);
    }

    public Task<bool> CompleteAsync(Guid predictionId, ModelForecast forecast) =>
        FinishAsync(predictionId, ExperimentJobStatus.Completed, JsonSerializer.Serialize(forecast, ExperimentJson.Options), null);

    public Task<bool> FailAsync(Guid predictionId, string error) =>
        FinishAsync(predictionId, ExperimentJobStatus.Failed, null, error);

    private async Task<bool> FinishAsync(Guid predictionId, string status, string? forecast, string? error)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
        var now = time.GetUtcNow();
        return await Open(db, predictionId).ExecuteUpdateAsync(set => set
            .SetProperty(p => p.Status, status)
            .SetProperty(p => p.Forecast, forecast)
            .SetProperty(p => p.Error, error)
            .SetProperty(p => p.FinishedAt, now)) > 0;
    }

    private static IQueryable<ExperimentPrediction> Open(WeatherDbContext db, Guid predictionId) =>
        db.ExperimentPredictions.Where(p => p.Id == predictionId
            && (p.Status == ExperimentJobStatus.Queued || p.Status == ExperimentJobStatus.Running));
}

/// <summary>A claimed prediction's request and model; both null when the model is no longer kept.</summary>
public sealed record PredictionWork(ForecastRequest? Request, TrainedModel? Model);
