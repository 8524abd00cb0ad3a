using System.Collections.Concurrent;

namespace WeatherFlow.Trainer.Runs;

/// <summary>The cancellation sources of the runs in this replica, by experiment id, so that a
/// <see cref="CancelExperiment"/> broadcast can stop the right one.</summary>
public sealed class RunCancellations
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _runs = new();

    public RunCancellation Register(Guid experimentId, CancellationToken linkedTo)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(linkedTo);
        _runs[experimentId] = source;
        return new RunCancellation(source, () => _runs.TryRemove(new(experimentId, source)));
    }

    public bool Cancel(Guid experimentId)
    {
        if (!_runs.TryGetValue(experimentId, out var source))
        {
            return false;
        }
        source.Cancel();
        return true;
    }
}

public sealed class RunCancellation(CancellationTokenSource source, Action unregister) : IDisposable
{
    public CancellationToken Token => source.Token;

    public void Cancel() => source.Cancel();

    public void Dispose()
    {
        unregister();
        source.Dispose();
    }
}
