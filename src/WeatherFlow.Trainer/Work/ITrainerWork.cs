namespace WeatherFlow.Trainer.Work;

/// <summary>
/// One kind of trainer work (<see cref="TrainerWorkKind"/>): how its row is claimed, kept and ended under the lease,
/// and what running it means. <see cref="TrainerWorkConsumer"/> drives every kind the same way.
/// </summary>
public interface ITrainerWork
{
    TrainerWorkKind Kind { get; }

    /// <summary>Takes the work if it waits for a trainer; one already started <paramref name="maxAttempts"/> times
    /// fails instead, so work that keeps killing its trainer cannot loop.</summary>
    Task<ClaimOutcome> ClaimAsync(WorkClaim claim, bool holderIsGone, int maxAttempts, CancellationToken cancellationToken);

    /// <summary>Runs the claimed work through <paramref name="thread"/> and stores its outcome.</summary>
    /// <returns>false when the outcome was not stored because the run no longer held the work (cancelled meanwhile).</returns>
    /// <exception cref="ExperimentFailedException">The work can never succeed; it is failed, not retried.</exception>
    Task<bool> RunAsync(WorkClaim claim, WorkThread thread, CancellationToken cancellationToken);

    /// <returns>false when the run no longer holds the work (cancelled, or taken over): the run stops.</returns>
    Task<bool> HeartbeatAsync(WorkClaim claim);

    /// <summary>Hands the work back to the queue after a transient fault; the command is redelivered and the attempt counts.</summary>
    Task ReleaseAsync(WorkClaim claim);

    /// <summary>Hands the work back because this trainer is stopping gracefully: nothing went wrong with it, so its
    /// attempt is given back and stopping the system any number of times never fails it.</summary>
    Task HandBackAsync(WorkClaim claim);

    Task FailAsync(WorkClaim claim, string error);
}
