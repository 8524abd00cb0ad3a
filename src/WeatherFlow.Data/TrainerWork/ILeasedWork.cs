namespace WeatherFlow.Data.TrainerWork;

/// <summary>
/// A row of work for the trainer pool (an experiment, a prediction): stored queued by the api, dispatched to the
/// trainers' queue, claimed by one trainer's run under a heartbeat lease with counted attempts, and ended by that run
/// or by a cancellation. Every kind of trainer work has these columns, so one dispatcher and one lease serve them all.
/// </summary>
public interface ILeasedWork
{
    Guid Id { get; }
    string Status { get; }
    DateTimeOffset SubmittedAt { get; }

    /// <summary>When its command last reached the broker; null until then, which the api's sweep looks for.</summary>
    DateTimeOffset? DispatchedAt { get; }
    DateTimeOffset? StartedAt { get; }

    /// <summary>Set by the trainer that holds the work; a stale heartbeat lets another trainer take over.</summary>
    DateTimeOffset? HeartbeatAt { get; }

    /// <summary>The holding run; every write of a trainer is conditional on it.</summary>
    Guid? RunId { get; }
    string? TrainerInstance { get; }
    int Attempts { get; }
    string? Error { get; }
    DateTimeOffset? FinishedAt { get; }
}
