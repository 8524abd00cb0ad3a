using System.Diagnostics;
using System.Threading.Channels;

namespace WeatherFlow.Api.TrainerWork;

/// <summary>
/// Trainer work (experiments, predictions) stored as queued and waiting to be sent to the trainers by
/// <see cref="WorkDispatchService"/>. The api acknowledges work once it is in Postgres, without waiting for the
/// broker's confirm; if this process dies before sending, or the broker is down, the service's sweep sends it
/// later. Each entry carries the submitting request's trace context, so the send, the message and the trainer's run
/// stay in the request's trace.
/// </summary>
public sealed class WorkDispatchQueue
{
    private readonly Channel<PendingDispatch> _pending =
        Channel.CreateUnbounded<PendingDispatch>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(TrainerWorkKind kind, Guid workId) =>
        _pending.Writer.TryWrite(new PendingDispatch(new RunTrainerWork(kind, workId), Activity.Current?.Context ?? default));

    public IAsyncEnumerable<PendingDispatch> ReadAllAsync(CancellationToken cancellationToken) =>
        _pending.Reader.ReadAllAsync(cancellationToken);
}

public sealed record PendingDispatch(RunTrainerWork Command, ActivityContext Parent);
