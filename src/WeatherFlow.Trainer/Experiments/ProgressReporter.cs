using WeatherFlow.Trainer.Work;

namespace WeatherFlow.Trainer.Experiments;

/// <summary>
/// Receives the engine's progress on its training thread (where it must stay cheap: it only keeps the latest value)
/// and, on its own loop, writes it to Postgres and publishes it to Redis at most every
/// <see cref="TrainerOptions.ProgressInterval"/>. When a write finds the experiment no longer held by this run
/// (cancelled, or taken over), it cancels the run.
/// </summary>
public sealed class ProgressReporter : IProgress<TrainingProgress>, IAsyncDisposable
{
    private readonly ExperimentRunStore _store;
    private readonly ExperimentEventChannel _events;
    private readonly TimeProvider _time;
    private readonly WorkClaim _claim;
    private readonly CancellationTokenSource _run;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private TrainingProgress? _latest;

    public ProgressReporter(
        ExperimentRunStore store, ExperimentEventChannel events, TimeProvider time, TimeSpan interval,
        WorkClaim claim, CancellationTokenSource run)
    {
        (_store, _events, _time, _claim, _run) = (store, events, time, claim, run);
        _loop = RunLoopAsync(interval);
    }

    public void Report(TrainingProgress value) => Volatile.Write(ref _latest, value);

    private async Task RunLoopAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var now = _time.GetUtcNow();
                if (Interlocked.Exchange(ref _latest, null) is { } progress)
                {
                    await KeepOrStopAsync(_store.ReportProgressAsync(_claim, progress.Percent, progress.Step, now));
                    await _events.PublishAsync(new ExperimentJobEvent(
                        _claim.WorkId, ExperimentJobStatus.Running, progress.Percent, progress.Step, progress.Loss, null, now));
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task KeepOrStopAsync(Task<bool> write)
    {
        try
        {
            if (!await write)
            {
                _run.Cancel();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A database hiccup must not stop training; a lost lease shows up at the next successful write.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
