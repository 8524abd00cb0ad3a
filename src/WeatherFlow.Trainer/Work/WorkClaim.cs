namespace WeatherFlow.Trainer.Work;

/// <summary>One run's hold on a piece of work: every write of the run is conditional on <see cref="RunId"/>.</summary>
public sealed record WorkClaim(Guid WorkId, Guid RunId, string TrainerInstance);
