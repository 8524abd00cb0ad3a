namespace WeatherFlow.Trainer.Runs;

/// <summary>
/// Runs the CPU-bound engine on a dedicated thread under the soft and hard time limits.
/// </summary>
public sealed class ExperimentRunner(ExperimentEngine engine, IOptions<TrainerOptions> options, TimeProvider time)
{
    public async Task<ExperimentOutcome> RunAsync(Guid experimentId, ExperimentConfig config, IProgress<TrainingProgress> progress, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        using var softLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        softLimit.CancelAfter(limits.SoftTimeLimit);
        var run = Task.Factory.StartNew(
            () => engine.Run(experimentId, config, progress, softLimit.Token),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        using var hardLimit = new CancellationTokenSource();
        var first = await Task.WhenAny(run, Task.Delay(limits.HardTimeLimit, time, hardLimit.Token));
        await hardLimit.CancelAsync();
        if (first != run)
        {
            throw new TimeLimitExceededException($"The experiment did not stop within the hard time limit of {limits.HardTimeLimit}.", runAbandoned: true);
        }
        try
        {
            return await run;
        }
        catch (OperationCanceledException) when (softLimit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeLimitExceededException($"The experiment exceeded its time limit of {limits.SoftTimeLimit}.", runAbandoned: false);
        }
    }
}
