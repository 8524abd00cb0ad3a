using System.Text.Json;
using WeatherFlow.Contracts.Models;
using WeatherFlow.Trainer.Work;

namespace WeatherFlow.Trainer.Predictions;

/// <summary>A forecast asked of a run's stored model: the request and the model read from Postgres, the engine's
/// forecast stored on the row.</summary>
public sealed class PredictionWork(
    ExperimentEngine engine,
    IOptions<TrainerOptions> options,
    IServiceScopeFactory scopes,
    TimeProvider time) : LeasedWork<ExperimentPrediction>(scopes, time)
{
    public override TrainerWorkKind Kind => TrainerWorkKind.Prediction;

    public override async Task<bool> RunAsync(WorkClaim claim, WorkThread thread, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var forecast = await thread.RunAsync<ModelForecast>(
            new WorkTimeLimits(limits.PredictionTimeLimit, limits.PredictionTimeLimit + (limits.HardTimeLimit - limits.SoftTimeLimit)),
            async softLimit =>
            {
                var (request, model) = await LoadAsync(claim.WorkId, softLimit);
                return token => engine.Predict(model, request, token);
            },
            cancellationToken);
        var document = JsonSerializer.Serialize(forecast, ExperimentJson.Options);
        return await UpdateHeldAsync(claim, set => set
            .SetProperty(p => p.Status, ExperimentJobStatus.Completed)
            .SetProperty(p => p.Forecast, document)
            .SetProperty(p => p.FinishedAt, Time.GetUtcNow()));
    }

    /// <exception cref="ExperimentFailedException">The run's model is no longer kept.</exception>
    private async Task<(ForecastRequest Request, TrainedModel Model)> LoadAsync(Guid predictionId, CancellationToken cancellationToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
        var work = await db.ExperimentPredictions.Where(p => p.Id == predictionId)
            .Join(db.Experiments, p => p.ExperimentId, e => e.Id, (p, e) => new { p.Request, e.ConfigHash })
            .Join(db.ExperimentModels, pe => pe.ConfigHash, m => m.ConfigHash, (pe, m) => new { pe.Request, m.Metadata, m.Weights })
            .FirstOrDefaultAsync(cancellationToken);
        if (work?.Weights is not { } weights)
        {
            throw new ExperimentFailedException("The run's model is no longer kept.");
        }
        return (JsonSerializer.Deserialize<ForecastRequest>(work.Request, ExperimentJson.Options)!,
            new TrainedModel(weights, JsonSerializer.Deserialize<ModelMetadata>(work.Metadata, ExperimentJson.Options)!));
    }
}
