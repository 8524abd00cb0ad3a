namespace WeatherFlow.Api.ModelStore;

/// <summary>Finds the model of a run: the one kept for its config, since every run of a config trains the same
/// weights (a run answered from the result cache included).</summary>
public sealed class ExperimentModelStore(WeatherDbContext db, Caller caller, ExperimentResultCache cache)
{
    public async Task<ModelLookup> FindAsync(Guid experimentId, bool withWeights, CancellationToken cancellationToken)
    {
        var run = await db.Experiments.ReadableBy(caller).Where(e => e.Id == experimentId)
            .Select(e => new { e.Status, e.ConfigHash })
            .FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return new ModelLookup.NoRun();
        }
        if (run.Status != ExperimentJobStatus.Completed)
        {
            return ExperimentJobStatus.IsFinal(run.Status)
                ? new ModelLookup.NotKept($"Experiment {experimentId} is {run.Status}: only a completed run has a model.")
                : new ModelLookup.NotCompleted(run.Status);
        }
        var model = await db.ExperimentModels.Where(m => m.ConfigHash == run.ConfigHash)
            .Select(m => new { m.Metadata, m.Refusal, Weights = withWeights ? m.Weights : null, Kept = m.Weights != null })
            .FirstOrDefaultAsync(cancellationToken);
        return model switch
        {
            null => new ModelLookup.NotKept("No model is kept for this run's config: retention removed it (Retention settings), it went with the config's last run, or the run completed before models were kept."),
            { Kept: false } => new ModelLookup.NotKept(model.Refusal ?? "The model was not kept."),
            _ => new ModelLookup.Found(model.Metadata, model.Weights),
        };
    }

    /// <summary>Removes a config's model once no run of that config is left, and its cached result with it: a later
    /// run of the config then trains again, and keeps a model, rather than being answered from the cache without one.</summary>
    public async Task DeleteOrphanAsync(string configHash, CancellationToken cancellationToken)
    {
        if (await db.ExperimentModels
                .Where(m => m.ConfigHash == configHash && !db.Experiments.Any(e => e.ConfigHash == configHash))
                .ExecuteDeleteAsync(cancellationToken) > 0)
        {
            await cache.RemoveAsync(configHash);
        }
    }
}

public abstract record ModelLookup
{
    public sealed record NoRun : ModelLookup;

    public sealed record NotCompleted(string Status) : ModelLookup;

    public sealed record NotKept(string Reason) : ModelLookup;

    /// <param name="Weights">Null unless asked for.</param>
    public sealed record Found(string MetadataJson, byte[]? Weights) : ModelLookup;
}
