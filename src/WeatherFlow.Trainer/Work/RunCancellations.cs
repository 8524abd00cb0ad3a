using System.Collections.Concurrent;

namespace WeatherFlow.Trainer.Work;

/// <summary>The cancellation sources of the runs in this replica, by work id, so that a
/// <see cref="CancelTrainerWork"/> broadcast can stop the right one.</summary>
public sealed class RunCancellations
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _runs = new();

    public RunCancellation Register(Guid workId, CancellationToken linkedTo)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(linkedTo);
        _runs[workId] = source;
        return new RunCancellation(source, () => _runs.TryRemove(new(workId, source)));
    }

    public bool Cancel(Guid workId)
    {
        if (!_runs.TryGetValue(workId, out var source))
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
