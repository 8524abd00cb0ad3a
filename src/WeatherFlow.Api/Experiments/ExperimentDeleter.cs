namespace WeatherFlow.Api.Experiments;

/// <summary>
/// Deletes a run with its per-epoch metrics. A queued or running run is cancelled first, so its trainer stops and
/// everyone watching it sees it end; the result cache keeps the result of its config, as it belongs to every run
/// of that config.
/// </summary>
public sealed class ExperimentDeleter(WeatherDbContext db, ExperimentCanceller canceller, FinishedJobCache finishedJobs)
{
    /// <summary>False when there is no such run.</summary>
    public async Task<bool> DeleteAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        if (await canceller.CancelAsync(experimentId, cancellationToken) == CancelOutcome.NotFound)
        {
            return false;
        }
        var deleted = await db.Experiments.Where(e => e.Id == experimentId).ExecuteDeleteAsync(cancellationToken);
        await finishedJobs.InvalidateAsync(experimentId);
        return deleted > 0;
    }
}
