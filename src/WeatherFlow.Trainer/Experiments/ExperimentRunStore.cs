using System.Text.Json;
using WeatherFlow.Data.TrainerWork;
using WeatherFlow.Trainer.Work;

namespace WeatherFlow.Trainer.Experiments;

/// <summary>
/// A run's reads and writes of its experiment beyond the lease (<see cref="ExperimentWork"/>): its config, its
/// progress and its result. Writes are conditional on the run still holding the experiment, as the lease's are.
/// </summary>
public sealed class ExperimentRunStore(IServiceScopeFactory scopes, TimeProvider time, IOptions<ModelStoreOptions> modelStore, ILogger<ExperimentRunStore> logger)
{
    /// <summary>The claimed experiment's config, as the api stored it.</summary>
    public async Task<(string ConfigJson, string ConfigHash)> LoadConfigAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
        var experiment = await db.Experiments.AsNoTracking().Where(e => e.Id == experimentId)
            .Select(e => new { e.Config, e.ConfigHash }).SingleAsync(cancellationToken);
        return (experiment.Config, experiment.ConfigHash);
    }

    public async Task<bool> ReportProgressAsync(WorkClaim claim, double progress, string currentStep, DateTimeOffset at)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
        return await db.Experiments.HeldBy(claim.WorkId, claim.RunId).ExecuteUpdateAsync(set => set
            .SetProperty(e => e.Progress, progress).SetProperty(e => e.CurrentStep, currentStep).SetProperty(e => e.HeartbeatAt, at)) > 0;
    }

    /// <summary>Stores the result, its metrics and (once per config) its model in one transaction.</summary>
    public async Task<bool> CompleteAsync(WorkClaim claim, string configHash, ExperimentOutcome outcome, string resultJson)
    {
        var experimentId = claim.WorkId;
        var result = outcome.Result;
        var metrics = ExperimentEpochMetric.From(experimentId, result.Metrics, result.Validation);
        var scores = ResultScores.Of(result.Validation, result.Prediction);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var stored = await db.Experiments.HeldBy(experimentId, claim.RunId).ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Status, ExperimentJobStatus.Completed)
                .SetProperty(e => e.Result, resultJson)
                .SetProperty(e => e.ValidationLoss, scores.ValidationLoss)
                .SetProperty(e => e.MeanSkill, scores.MeanSkill)
                .SetProperty(e => e.Progress, 100)
                .SetProperty(e => e.CurrentStep, "completed")
                .SetProperty(e => e.FinishedAt, time.GetUtcNow()));
            if (stored == 0)
            {
                return false;
            }
            db.ExperimentEpochMetrics.AddRange(metrics);
            db.ExperimentScores.AddRange(ExperimentScore.From(experimentId, result.Evaluation));
            await db.SaveChangesAsync();
            await KeepModelAsync(db, experimentId, configHash, outcome.Model);
            await transaction.CommitAsync();
            return true;
        });
    }

    /// <summary>Keeps the model once per config (<see cref="KeptModels.KeepModelAsync"/>); over a size cap, keeps only
    /// why not, and a later run of the config that fits replaces that refusal.</summary>
    private async Task KeepModelAsync(WeatherDbContext db, Guid experimentId, string configHash, TrainedModel model)
    {
        var caps = modelStore.Value;
        var size = model.Weights.LongLength;
        var kept = await db.ExperimentModels.Where(m => m.Weights != null).SumAsync(m => m.SizeBytes);
        var refusal = size > caps.MaxModelBytes
            ? $"The model ({size:N0} bytes) is larger than the {caps.MaxModelBytes:N0} bytes a model may take (ModelStore:MaxModelBytes), so it was not kept."
            : kept + size > caps.MaxTotalBytes
                ? $"Kept models already take {kept:N0} of the {caps.MaxTotalBytes:N0} bytes allowed (ModelStore:MaxTotalBytes), so this one ({size:N0} bytes) was not kept."
                : null;
        await db.KeepModelAsync(new ExperimentModel
        {
            ConfigHash = configHash,
            Weights = refusal is null ? model.Weights : null,
            Metadata = JsonSerializer.Serialize(model.Metadata, ExperimentJson.Options),
            SizeBytes = size,
            Epoch = model.Metadata.Epoch,
            CreatedAt = time.GetUtcNow(),
            Refusal = refusal,
        });
        if (refusal is not null)
        {
            logger.LogWarning("Experiment {ExperimentId} completed without keeping its model: {Refusal}", experimentId, refusal);
        }
    }

    public async Task<ExperimentJobEvent?> LoadEventAsync(Guid experimentId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
        return await db.Experiments.Where(e => e.Id == experimentId).ToEvents().FirstOrDefaultAsync();
    }

}
