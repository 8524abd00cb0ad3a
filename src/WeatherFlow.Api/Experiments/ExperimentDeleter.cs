using WeatherFlow.Api.ModelStore;

namespace WeatherFlow.Api.Experiments;

/// <summary>
/// Deletes a run with its per-epoch metrics, and its config's model once no run of that config is left. A queued or running run is cancelled first, so its trainer stops and
/// everyone watching it sees it end; the result cache keeps the result of its config while another run of the
/// config is left.
/// </summary>
public sealed class ExperimentDeleter(WeatherDbContext db, ExperimentCanceller canceller, FinishedJobCache finishedJobs, ExperimentModelStore models, Caller caller, AuditTrail audit)
{
    /// <summary>False when there is no such run the caller owns (the canceller judges that).</summary>
    public async Task<bool> DeleteAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        if (await canceller.CancelAsync(experimentId, cancellationToken) == CancelOutcome.NotFound)
        {
            return false;
        }
        var run = await db.Experiments.Where(e => e.Id == experimentId).Select(e => new { e.ConfigHash, e.OwnerId, e.Name }).FirstOrDefaultAsync(cancellationToken);
        var deleted = await db.Experiments.Where(e => e.Id == experimentId).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0 && run!.OwnerId != caller.AccountId)
        {
            await audit.RecordAsync(AuditEvents.ExperimentDeletedByOther, caller.AccountId, caller.Name, experimentId.ToString(),
                $"\"{run.Name}\" of {run.OwnerId ?? "an anonymous submitter"}", cancellationToken);
        }
        await finishedJobs.InvalidateAsync(experimentId);
        // A model left without runs by a crash between these two statements is removed by retention's next sweep.
        if (run is not null)
        {
            await models.DeleteOrphanAsync(run.ConfigHash, cancellationToken);
        }
        return deleted > 0;
    }
}
