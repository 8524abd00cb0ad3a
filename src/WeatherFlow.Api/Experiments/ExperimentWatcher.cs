using System.Runtime.CompilerServices;
using System.Threading.Channels;
using WeatherFlow.Api.Trainers;

namespace WeatherFlow.Api.Experiments;

/// <summary>
/// Follows one experiment until it reaches a final state: live events from Redis pub/sub (published by whichever
/// trainer runs it, seen by every api replica), with Postgres re-read whenever no event arrives for a poll interval,
/// so a missed event or a Redis outage only slows the stream down. Each re-read also tells a queued run that no
/// trainer is connected, or no longer.
/// </summary>
public sealed class ExperimentWatcher(IServiceScopeFactory scopes, ExperimentEventChannel events, TrainerPresence trainers, IOptions<ExperimentsOptions> options)
{
    /// <summary>The current state first, then every change; ends after the final state. Empty if the id is unknown.</summary>
    public async IAsyncEnumerable<ExperimentJobEvent> WatchAsync(Guid experimentId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var live = Channel.CreateUnbounded<ExperimentJobEvent>(new UnboundedChannelOptions { SingleReader = true });
        await using var subscription = await events.SubscribeAsync(experimentId, jobEvent => live.Writer.TryWrite(jobEvent));

        var current = await LoadAsync(experimentId, cancellationToken);
        if (current is null)
        {
            yield break;
        }
        current = await WithTrainerWaitAsync(current, cancellationToken);
        yield return current;

        while (!ExperimentJobStatus.IsFinal(current.Status))
        {
            var next = await NextAsync(live.Reader, experimentId, cancellationToken);
            if (next is null)
            {
                yield break;
            }
            next = await WithTrainerWaitAsync(next, cancellationToken);
            if (IsNewer(next, current))
            {
                current = next;
                yield return current;
            }
        }
    }

    /// <summary>The final state, or null if the experiment is unknown or still going after <paramref name="timeout"/>.</summary>
    public async Task<ExperimentJobEvent?> WaitForFinalStateAsync(Guid experimentId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(timeout);
        try
        {
            await foreach (var jobEvent in WatchAsync(experimentId, waiting.Token))
            {
                if (ExperimentJobStatus.IsFinal(jobEvent.Status))
                {
                    return jobEvent;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        return null;
    }

    private async Task<ExperimentJobEvent?> NextAsync(ChannelReader<ExperimentJobEvent> live, Guid experimentId, CancellationToken cancellationToken)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        poll.CancelAfter(options.Value.StatePollInterval);
        try
        {
            return await live.ReadAsync(poll.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return await LoadAsync(experimentId, cancellationToken);
        }
    }

    private async Task<ExperimentJobEvent?> LoadAsync(Guid experimentId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
        return await db.Experiments.AsNoTracking().Where(e => e.Id == experimentId).ToEvents().FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<ExperimentJobEvent> WithTrainerWaitAsync(ExperimentJobEvent jobEvent, CancellationToken cancellationToken) =>
        jobEvent with { CurrentStep = await trainers.CurrentStepAsync(jobEvent.Status, jobEvent.CurrentStep, cancellationToken) };

    /// <summary>Events can arrive out of order (pub/sub and polling race); keep only real changes, never go back.</summary>
    private static bool IsNewer(ExperimentJobEvent next, ExperimentJobEvent current) =>
        ExperimentJobStatus.IsFinal(next.Status)
        || (next.Timestamp >= current.Timestamp
            && (next.Status != current.Status || next.Progress != current.Progress || next.CurrentStep != current.CurrentStep));
}
