namespace WeatherFlow.Contracts.Messaging;

public static class QueueNames
{
    /// <summary>The durable queue that trainers consume <see cref="TrainExperiment"/> from.</summary>
    public const string TrainExperiment = "train-experiment";

    /// <summary>The durable queue that trainers consume <see cref="RunPrediction"/> from.</summary>
    public const string RunPrediction = "run-prediction";
}
