namespace WeatherFlow.Trainer.Work;

public enum ClaimOutcome
{
    /// <summary>This run now holds the work.</summary>
    Claimed,

    /// <summary>Finished, cancelled, or held by a live trainer: the command is a duplicate.</summary>
    NotWaiting,

    /// <summary>Its attempts are used up; it is now stored as failed.</summary>
    GaveUp,
}
