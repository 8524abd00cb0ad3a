using WeatherFlow.Contracts.Jobs;

namespace WeatherFlow.Data.TrainerWork;

/// <summary>The states of trainer work that the api's dispatcher and the trainers' lease agree on, for every kind.</summary>
public static class LeasedWorkQueries
{
    public static IQueryable<T> Open<T>(this IQueryable<T> work) where T : class, ILeasedWork =>
        work.Where(w => w.Status == ExperimentJobStatus.Queued || w.Status == ExperimentJobStatus.Running);

    /// <summary>Work whose command must go (again) to the trainers: stored but not sent within
    /// <paramref name="sendingSince"/>, or held by a trainer that stopped sending heartbeats.</summary>
    public static IQueryable<T> Undelivered<T>(this IQueryable<T> work, DateTimeOffset sendingSince, DateTimeOffset staleSince)
        where T : class, ILeasedWork =>
        work.Where(w => (w.Status == ExperimentJobStatus.Queued && w.DispatchedAt == null && w.SubmittedAt < sendingSince)
            || (w.Status == ExperimentJobStatus.Running && w.HeartbeatAt < staleSince && w.DispatchedAt < staleSince));

    /// <summary>The work, if it waits for a trainer: queued, or running under a holder that is gone (its command
    /// was redelivered, <paramref name="holderIsGone"/>, or its heartbeat is older than <paramref name="staleSince"/>).</summary>
    public static IQueryable<T> WaitingForTrainer<T>(this IQueryable<T> work, Guid id, bool holderIsGone, DateTimeOffset staleSince)
        where T : class, ILeasedWork =>
        work.Where(w => w.Id == id
            && (w.Status == ExperimentJobStatus.Queued
                || (w.Status == ExperimentJobStatus.Running && (holderIsGone || w.HeartbeatAt < staleSince))));

    /// <summary>The work, while the run <paramref name="runId"/> holds it.</summary>
    public static IQueryable<T> HeldBy<T>(this IQueryable<T> work, Guid id, Guid runId) where T : class, ILeasedWork =>
        work.Where(w => w.Id == id && w.RunId == runId && w.Status == ExperimentJobStatus.Running);
}
