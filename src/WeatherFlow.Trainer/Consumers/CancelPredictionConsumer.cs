namespace WeatherFlow.Trainer.Consumers;

/// <summary>Like <see cref="CancelExperimentConsumer"/>: the replica running the prediction stops it.</summary>
public sealed class CancelPredictionConsumer(RunCancellations cancellations, ILogger<CancelPredictionConsumer> logger) : IConsumer<CancelPrediction>
{
    public Task Consume(ConsumeContext<CancelPrediction> context)
    {
        if (cancellations.Cancel(context.Message.PredictionId))
        {
            logger.LogInformation("Cancelling prediction {PredictionId}", context.Message.PredictionId);
        }
        return Task.CompletedTask;
    }
}
