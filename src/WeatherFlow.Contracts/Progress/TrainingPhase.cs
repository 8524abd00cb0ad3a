namespace WeatherFlow.Contracts.Progress;

/// <summary>The values of <see cref="TrainingProgress.Phase"/>, in the order a run goes through them.</summary>
public static class TrainingPhase
{
    public const string Data = "data";
    public const string Training = "training";
    public const string Validation = "validation";
    public const string Prediction = "prediction";
    public const string Completed = "completed";
}
