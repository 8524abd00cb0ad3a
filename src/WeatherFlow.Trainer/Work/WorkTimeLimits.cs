namespace WeatherFlow.Trainer.Work;

/// <param name="Soft">After this the work is cancelled (the engine stops between batches) and fails.</param>
/// <param name="Hard">After this a run that has not stopped is abandoned, failed, and the replica restarts, since a
/// stuck native call cannot be interrupted in-process.</param>
public sealed record WorkTimeLimits(TimeSpan Soft, TimeSpan Hard);
