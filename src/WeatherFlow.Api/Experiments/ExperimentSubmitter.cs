namespace WeatherFlow.Api.Experiments;

/// <summary>
/// Accepts an experiment: answered at once from the result cache, or stored as queued and handed to the dispatcher,
/// which sends it to the trainers. Storing is the acknowledgement: an accepted experiment survives a broker that is
/// down and an api that dies before sending (the dispatcher's sweep sends it later). A run that will train counts
/// against its account's quotas.
/// </summary>
public sealed class ExperimentSubmitter(
    WeatherDbContext db,
    Caller caller,
    ExperimentResultCache cache,
    WorkDispatchQueue dispatch,
    ExperimentsTelemetry telemetry,
    AccountQuotas quotas,
    TimeProvider time)
{
    /// <param name="datasetName">The name of the dataset <c>dataset.source</c> names, for the run's default name and description.</param>
    /// <returns>The stored experiment, or why the account's quota refuses it (then nothing is stored).</returns>
    public async Task<(Experiment? Experiment, QuotaRefusal? Refusal)> SubmitAsync(ExperimentConfig config, ExperimentLabels labels, string? datasetName, CancellationToken cancellationToken)
    {
        using var activity = ExperimentsTelemetry.ActivitySource.StartActivity("experiment submit");
        var now = time.GetUtcNow();
        var canonicalConfig = config.ToCanonicalJson();
        var experiment = new Experiment
        {
            Id = Guid.CreateVersion7(now),
            OwnerId = caller.AccountId,
            Status = ExperimentJobStatus.Queued,
            Config = canonicalConfig,
            ConfigHash = ConfigHash.Of(canonicalConfig),
            Description = ExperimentDescription.Of(config, datasetName),
            Name = labels.Name ?? ExperimentName.Default(config, datasetName),
            Tags = [.. labels.Tags],
            Note = labels.Note,
            Variables = [.. config.Dataset.Channels ?? config.Dataset.Variables],
            SubmittedAt = now,
        };
        activity?.SetTag("weatherflow.experiment.id", experiment.Id);
        activity?.SetTag("weatherflow.experiment.config_hash", experiment.ConfigHash);
        telemetry.Submitted.Add(1);

        if (await cache.GetAsync(experiment.ConfigHash) is { } cachedResult)
        {
            CompleteFromCache(experiment, cachedResult, now);
            telemetry.Cached.Add(1);
            activity?.SetTag("weatherflow.experiment.from_cache", true);
        }

        if (experiment.FromCache || caller.IsAdmin || caller.AccountId is not { } accountId)
        {
            db.Experiments.Add(experiment);
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (await StoreWithinQuotaAsync(experiment, accountId, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }

        if (!experiment.FromCache)
        {
            dispatch.Enqueue(TrainerWorkKind.Experiment, experiment.Id);
        }
        return (experiment, null);
    }

    private Task<QuotaRefusal?> StoreWithinQuotaAsync(Experiment experiment, string accountId, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await quotas.LockAsync(accountId, cancellationToken);
            if (await quotas.RefusalAsync(accountId, cancellationToken) is { } refusal)
            {
                return refusal;
            }
            db.Experiments.Add(experiment);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (QuotaRefusal?)null;
        });

    /// <summary>Reads the cached document once, into the records the trainer stores a trained run's metrics and scores
    /// from, so a run answered from the cache gets the same rows.</summary>
    private static void CompleteFromCache(Experiment experiment, string cachedResult, DateTimeOffset now)
    {
        var result = JsonSerializer.Deserialize<ExperimentResult>(cachedResult, ExperimentJson.Options)!;
        experiment.Status = ExperimentJobStatus.Completed;
        experiment.FromCache = true;
        experiment.Progress = 100;
        experiment.CurrentStep = "answered from the result cache";
        experiment.StartedAt = now;
        experiment.FinishedAt = now;
        experiment.Result = ResultDocument.WithExperimentId(cachedResult, experiment.Id);
        experiment.EpochMetrics = ExperimentEpochMetric.From(experiment.Id, result.Metrics, result.Validation);
        experiment.Scores = ExperimentScore.From(experiment.Id, result.Evaluation);
        (experiment.ValidationLoss, experiment.MeanSkill) = ResultScores.Of(result.Validation, result.Prediction);
    }
}
