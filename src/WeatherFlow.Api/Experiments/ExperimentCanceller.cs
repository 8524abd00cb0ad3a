using MassTransit;

namespace WeatherFlow.Api.Experiments;

public enum CancelOutcome { Cancelled, NotFound, AlreadyFinished }

/// <summary>
/// Cancels a queued or running experiment. The api owns this transition: it marks the row cancelled (a trainer
/// only writes while the row is running under its run id, so it can no longer complete it), then tells every
/// trainer to stop; a trainer that misses the message notices at its next progress write. Only the run's owner or an
/// admin may: to anyone else it does not exist.
/// </summary>
public sealed class ExperimentCanceller(
    WeatherDbContext db,
    Caller caller,
    IPublishEndpoint publisher,
    ExperimentEventChannel events,
    ExperimentsTelemetry telemetry,
    IOptions<ExperimentsOptions> options,
    TimeProvider time,
    ILogger<ExperimentCanceller> logger)
{
    public async Task<CancelOutcome> CancelAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cancelled = await db.Experiments.OwnedBy(caller)
            .Where(e => e.Id == experimentId && (e.Status == ExperimentJobStatus.Queued || e.Status == ExperimentJobStatus.Running))
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Status, ExperimentJobStatus.Cancelled)
                .SetProperty(e => e.FinishedAt, now)
                .SetProperty(e => e.CurrentStep, "cancelled"), cancellationToken);
        if (cancelled == 0)
        {
            return await db.Experiments.OwnedBy(caller).AnyAsync(e => e.Id == experimentId, cancellationToken)
                ? CancelOutcome.AlreadyFinished
                : CancelOutcome.NotFound;
        }

        telemetry.Cancelled.Add(1);
        if (await db.Experiments.Where(e => e.Id == experimentId).ToEvents().FirstOrDefaultAsync(cancellationToken) is { } cancelledEvent)
        {
            await events.PublishAsync(cancelledEvent);
        }
        using var timeout = new CancellationTokenSource(options.Value.DispatchTimeout);
        try
        {
            await publisher.Publish(new CancelTrainerWork(experimentId), timeout.Token);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not broadcast the cancellation of {ExperimentId}; its trainer will see it in the database", experimentId);
        }
        return CancelOutcome.Cancelled;
    }
}
