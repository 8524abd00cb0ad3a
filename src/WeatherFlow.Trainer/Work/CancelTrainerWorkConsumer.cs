namespace WeatherFlow.Trainer.Work;

/// <summary>Every replica receives each cancellation on its own temporary queue; the one running the work stops it
/// (the engine checks its token between batches). The api has already marked the work cancelled.</summary>
public sealed class CancelTrainerWorkConsumer(RunCancellations cancellations, ILogger<CancelTrainerWorkConsumer> logger) : IConsumer<CancelTrainerWork>
{
    public Task Consume(ConsumeContext<CancelTrainerWork> context)
    {
        if (cancellations.Cancel(context.Message.WorkId))
        {
            logger.LogInformation("Cancelling the run of {WorkId}", context.Message.WorkId);
        }
        return Task.CompletedTask;
    }
}
