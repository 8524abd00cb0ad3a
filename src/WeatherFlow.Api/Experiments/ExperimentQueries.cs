using WeatherFlow.Api.Trainers;

namespace WeatherFlow.Api.Experiments;

/// <summary>
/// Reads jobs for the API. A job in a final state never changes again, so its serialised JSON is kept in
/// <see cref="FinishedJobCache"/> and served as bytes. Each read sees only what the <see cref="Caller"/> may read.
/// A queued job's current step says so while no trainer is connected.
/// </summary>
public sealed class ExperimentQueries(
    WeatherDbContext db,
    Caller caller,
    FinishedJobCache finishedJobs,
    TrainerPresence trainers,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions)
{
    public async Task<byte[]?> GetJobJsonAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        if (finishedJobs.TryGet(experimentId) is { } cached)
        {
            return caller.CanRead(cached.OwnerId) ? cached.Json : null;
        }
        var experiment = await Readable.AsNoTracking().FirstOrDefaultAsync(e => e.Id == experimentId, cancellationToken);
        if (experiment is null)
        {
            return null;
        }
        if (ExperimentJobStatus.IsFinal(experiment.Status))
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(experiment.ToJob(), jsonOptions.Value.SerializerOptions);
            finishedJobs.Add(experimentId, new FinishedJob(experiment.OwnerId, json));
            return json;
        }
        return JsonSerializer.SerializeToUtf8Bytes(await ToLiveJobAsync(experiment, cancellationToken), jsonOptions.Value.SerializerOptions);
    }

    /// <summary>The job of a run that may still change, with what it waits for.</summary>
    public async Task<ExperimentJob> ToLiveJobAsync(Experiment experiment, CancellationToken cancellationToken)
    {
        var job = experiment.ToJob();
        return job with { CurrentStep = await trainers.CurrentStepAsync(job.Status, job.CurrentStep, cancellationToken) };
    }

    public Task<Experiment?> GetAsync(Guid experimentId, CancellationToken cancellationToken) =>
        Readable.AsNoTracking().FirstOrDefaultAsync(e => e.Id == experimentId, cancellationToken);

    public Task<bool> ExistsAsync(Guid experimentId, CancellationToken cancellationToken) =>
        Readable.AnyAsync(e => e.Id == experimentId, cancellationToken);

    /// <summary>Whether the caller may change the run (cancel it, ask its model for forecasts): its owner or an admin.</summary>
    public Task<bool> ManagesAsync(Guid experimentId, CancellationToken cancellationToken) =>
        db.Experiments.OwnedBy(caller).AnyAsync(e => e.Id == experimentId, cancellationToken);

    public Task<string?> GetResultJsonAsync(Guid experimentId, CancellationToken cancellationToken) =>
        Readable.Where(e => e.Id == experimentId).Select(e => e.Result).FirstOrDefaultAsync(cancellationToken);

    public Task<List<EpochLosses>> GetEpochMetricsAsync(Guid experimentId, CancellationToken cancellationToken) =>
        db.ExperimentEpochMetrics.AsNoTracking()
            .Where(m => m.ExperimentId == experimentId)
            .OrderBy(m => m.Epoch)
            .Select(m => new EpochLosses(
                m.Epoch, m.Loss, m.FlowLoss, m.DivergenceLoss, m.RolloutLoss, m.EnergyDiff,
                m.ValLoss, m.ValFlowLoss, m.ValDivergenceLoss, m.ValRolloutLoss, m.ValEnergyDiff))
            .ToListAsync(cancellationToken);

    private IQueryable<Experiment> Readable => db.Experiments.ReadableBy(caller);
}
