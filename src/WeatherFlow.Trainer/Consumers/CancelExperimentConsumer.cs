namespace WeatherFlow.Trainer.Consumers;

/// <summary>Every replica receives each cancellation on its own temporary queue; the one running the experiment
/// stops it (the engine checks its token between batches).</summary>
public sealed class CancelExperimentConsumer(RunCancellations cancellations, ILogger<CancelExperimentConsumer> logger) : IConsumer<CancelExperiment>
{
    public Task Consume(ConsumeContext<CancelExperiment> context)
    {
        if (cancellations.Cancel(context.Message.ExperimentId))
        {
            logger.LogInformation("Cancelling experiment {ExperimentId}", context.Message.ExperimentId);
        }
        return Task.CompletedTask;
    }
}
