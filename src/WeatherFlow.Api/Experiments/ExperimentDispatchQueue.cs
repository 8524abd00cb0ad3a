using System.Diagnostics;
using System.Threading.Channels;

namespace WeatherFlow.Api.Experiments;

/// <summary>
/// Experiments stored as queued and waiting to be sent to the trainers by <see cref="ExperimentDispatchService"/>.
/// The api acknowledges an experiment once it is in Postgres, without waiting for the broker's confirm; if this
/// process dies before sending, the service's database sweep sends it instead. Each entry carries the submitting
/// request's trace context, so the send, the message and the trainer's run stay in the request's trace.
/// </summary>
public sealed class ExperimentDispatchQueue
{
    private readonly Channel<PendingDispatch> _pending =
        Channel.CreateUnbounded<PendingDispatch>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Experiment experiment) => _pending.Writer.TryWrite(new PendingDispatch(
        new TrainExperiment(experiment.Id, experiment.ConfigHash, experiment.Config),
        Activity.Current?.Context ?? default));

    public IAsyncEnumerable<PendingDispatch> ReadAllAsync(CancellationToken cancellationToken) =>
        _pending.Reader.ReadAllAsync(cancellationToken);
}

public sealed record PendingDispatch(TrainExperiment Command, ActivityContext Parent);
