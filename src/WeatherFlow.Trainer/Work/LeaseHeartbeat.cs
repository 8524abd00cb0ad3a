namespace WeatherFlow.Trainer.Work;

/// <summary>Keeps a run's lease alive with a heartbeat every <see cref="WorkLease.HeartbeatInterval"/> and stops the
/// run when a heartbeat finds the work no longer held by it (cancelled, or taken over).</summary>
public sealed class LeaseHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LeaseHeartbeat(ITrainerWork work, WorkClaim claim, RunCancellation run, TimeProvider time) =>
        _loop = BeatAsync(work, claim, run, time);

    private async Task BeatAsync(ITrainerWork work, WorkClaim claim, RunCancellation run, TimeProvider time)
    {
        using var timer = new PeriodicTimer(WorkLease.HeartbeatInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    if (!await work.HeartbeatAsync(claim))
                    {
                        run.Cancel();
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A database hiccup must not stop the work; a lost lease shows at the next heartbeat that gets through.
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
