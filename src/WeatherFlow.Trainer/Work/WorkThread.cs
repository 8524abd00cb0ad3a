namespace WeatherFlow.Trainer.Work;

/// <summary>
/// Where trainer work computes, whatever its kind: on a dedicated thread (the engine is synchronous and CPU-bound, and
/// must not hold a thread-pool thread for minutes), under the kind's <see cref="WorkTimeLimits"/>.
/// </summary>
public sealed class WorkThread(TimeProvider time)
{
    /// <param name="prepare">The I/O the work needs before it computes (loading a model, bringing dataset files to
    /// disk), under the soft limit too; it returns the computation, which gets the soft limit's token.</param>
    /// <exception cref="TimeLimitExceededException">A limit passed.</exception>
    public async Task<T> RunAsync<T>(
        WorkTimeLimits limits, Func<CancellationToken, Task<Func<CancellationToken, T>>> prepare, CancellationToken cancellationToken)
    {
        using var softLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        softLimit.CancelAfter(limits.Soft);
        try
        {
            var compute = await prepare(softLimit.Token);
            var run = Task.Factory.StartNew(
                () => compute(softLimit.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            using var hardLimit = new CancellationTokenSource();
            var first = await Task.WhenAny(run, Task.Delay(limits.Hard, time, hardLimit.Token));
            await hardLimit.CancelAsync();
            if (first != run)
            {
                throw new TimeLimitExceededException($"It did not stop within the hard time limit of {limits.Hard}.", runAbandoned: true);
            }
            return await run;
        }
        catch (OperationCanceledException) when (softLimit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeLimitExceededException($"It exceeded its time limit of {limits.Soft}.", runAbandoned: false);
        }
    }
}
