using System.Text.Json;

namespace WeatherFlow.Trainer.Runs;

/// <summary>
/// The trainer's writes to an experiment row. Every write after the claim is conditional on the row still being
/// running under this run's id: if the api cancelled it, or another trainer took it over after our heartbeats
/// stopped, the write changes nothing and returns false, and the run stops.
/// </summary>
public sealed class ExperimentRunStore(IServiceScopeFactory scopes, TimeProvider time, IOptions<ModelStoreOptions> modelStore, ILogger<ExperimentRunStore> logger)
{
    /// <summary>Takes a queued experiment; or a running one whose holder is gone: the broker redelivered the
    /// command (<paramref name="holderIsGone"/>) or its heartbeat went stale. An experiment already claimed
    /// <paramref name="maxAttempts"/> times fails instead, so a config that keeps killing its trainer cannot loop.</summary>
    public async Task<ClaimOutcome> TryClaimAsync(
        Guid experimentId, Guid runId, string trainerInstance, bool holderIsGone, int maxAttempts, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var staleSince = now - ExperimentLease.StaleAfter;
        IQueryable<Experiment> Waiting(WeatherDbContext db) => db.Experiments.Where(e => e.Id == experimentId
            && (e.Status == ExperimentJobStatus.Queued
                || (e.Status == ExperimentJobStatus.Running && (holderIsGone || e.HeartbeatAt < staleSince))));

        var claimed = await UpdateAsync(
            db => Waiting(db).Where(e => e.Attempts < maxAttempts),
            set => set
                .SetProperty(e => e.Status, ExperimentJobStatus.Running)
                .SetProperty(e => e.RunId, runId)
                .SetProperty(e => e.TrainerInstance, trainerInstance)
                .SetProperty(e => e.StartedAt, now)
                .SetProperty(e => e.HeartbeatAt, now)
                .SetProperty(e => e.Attempts, e => e.Attempts + 1)
                .SetProperty(e => e.Progress, 0)
                .SetProperty(e => e.CurrentStep, "starting"),
            cancellationToken);
        if (claimed)
        {
            return ClaimOutcome.Claimed;
        }
        var gaveUp = await UpdateAsync(
            db => Waiting(db).Where(e => e.Attempts >= maxAttempts),
            set => set
                .SetProperty(e => e.Status, ExperimentJobStatus.Failed)
                .SetProperty(e => e.RunId, (Guid?)null)
                .SetProperty(e => e.Error, $"The experiment was started {maxAttempts} times and its trainer stopped each time.")
                .SetProperty(e => e.CurrentStep, "failed")
                .SetProperty(e => e.FinishedAt, now),
            cancellationToken);
        return gaveUp ? ClaimOutcome.GaveUp : ClaimOutcome.NotWaiting;
    }

    public Task<bool> ReportProgressAsync(Guid experimentId, Guid runId, double progress, string currentStep, DateTimeOffset at) =>
        UpdateAsync(
            db => Held(db, experimentId, runId),
            set => set.SetProperty(e => e.Progress, progress).SetProperty(e => e.CurrentStep, currentStep).SetProperty(e => e.HeartbeatAt, at),
            CancellationToken.None);

    public Task<bool> HeartbeatAsync(Guid experimentId, Guid runId) =>
        UpdateAsync(db => Held(db, experimentId, runId), set => set.SetProperty(e => e.HeartbeatAt, time.GetUtcNow()), CancellationToken.None);

    /// <summary>Hands the experiment back to the queue after a transient fault; the command is redelivered and
    /// the attempt counts.</summary>
    public Task<bool> ReleaseAsync(Guid experimentId, Guid runId) =>
        UpdateAsync(
            db => Held(db, experimentId, runId),
            set => set.SetProperty(e => e.Status, ExperimentJobStatus.Queued).SetProperty(e => e.RunId, (Guid?)null).SetProperty(e => e.CurrentStep, "waiting for a trainer"),
            CancellationToken.None);

    /// <summary>Hands the experiment back because this trainer is stopping gracefully: nothing went wrong with the
    /// run, so its attempt is given back and stopping the system any number of times never fails it.</summary>
    public Task<bool> HandBackAsync(Guid experimentId, Guid runId) =>
        UpdateAsync(
            db => Held(db, experimentId, runId),
            set => set
                .SetProperty(e => e.Status, ExperimentJobStatus.Queued)
                .SetProperty(e => e.RunId, (Guid?)null)
                .SetProperty(e => e.Attempts, e => e.Attempts - 1)
                .SetProperty(e => e.Progress, 0)
                .SetProperty(e => e.CurrentStep, "waiting for a trainer"),
            CancellationToken.None);

    public Task<bool> FailAsync(Guid experimentId, Guid runId, string error) =>
        UpdateAsync(
            db => Held(db, experimentId, runId),
            set => set
                .SetProperty(e => e.Status, ExperimentJobStatus.Failed)
                .SetProperty(e => e.Error, error.Length > 4000 ? error[..4000] : error)
                .SetProperty(e => e.CurrentStep, "failed")
                .SetProperty(e => e.FinishedAt, time.GetUtcNow()),
            CancellationToken.None);

    /// <summary>Stores the result, its metrics and (once per config) its model in one transaction.</summary>
    public async Task<bool> CompleteAsync(Guid experimentId, Guid runId, string configHash, ExperimentOutcome outcome, string resultJson)
    {
        var result = outcome.Result;
        var metrics = ExperimentEpochMetric.From(experimentId, result.Metrics, result.Validation);
        var scores = ResultScores.Of(result.Validation, result.Prediction);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var stored = await Held(db, experimentId, runId).ExecuteUpdateAsync(set => set
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

    /// <summary>Keeps the model unless this config's is already kept (a re-delivered run, or two runs of one config
    /// finishing together: <c>ON CONFLICT</c> rather than a failing unique key); over a size cap, keeps only why not,
    /// and a later run of the config that fits replaces that refusal.</summary>
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
        var weights = refusal is null ? model.Weights : null;
        var metadata = JsonSerializer.Serialize(model.Metadata, ExperimentJson.Options);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ExperimentModels" ("ConfigHash", "Weights", "Metadata", "SizeBytes", "Epoch", "CreatedAt", "Refusal")
            VALUES ({configHash}, {weights}, {metadata}::jsonb, {size}, {model.Metadata.Epoch}, {time.GetUtcNow()}, {refusal})
            ON CONFLICT ("ConfigHash") DO UPDATE SET
                "Weights" = EXCLUDED."Weights", "Metadata" = EXCLUDED."Metadata", "SizeBytes" = EXCLUDED."SizeBytes",
                "Epoch" = EXCLUDED."Epoch", "CreatedAt" = EXCLUDED."CreatedAt", "Refusal" = EXCLUDED."Refusal"
            WHERE "ExperimentModels"."Weights" IS NULL AND EXCLUDED."Weights" IS NOT NULL
            """);
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

    private static IQueryable<Experiment> Held(WeatherDbContext db, Guid experimentId, Guid runId) =>
        db.Experiments.Where(e => e.Id == experimentId && e.RunId == runId && e.Status == ExperimentJobStatus.Running);

    private async Task<bool> UpdateAsync(
        Func<WeatherDbContext, IQueryable<Experiment>> rows,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Experiment>> set,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
        return await rows(db).ExecuteUpdateAsync(set, cancellationToken) > 0;
    }
}
