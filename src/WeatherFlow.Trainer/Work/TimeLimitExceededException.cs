namespace WeatherFlow.Trainer.Work;

/// <summary>A run exceeded its time limit. Like a config failure it is inherent to the work, so it is not retried.</summary>
public sealed class TimeLimitExceededException(string message, bool runAbandoned) : Exception(message)
{
    /// <summary>True for the hard limit: the run did not stop and its thread is still busy.</summary>
    public bool RunAbandoned { get; } = runAbandoned;
}
