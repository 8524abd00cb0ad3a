using System.Diagnostics;

namespace WeatherFlow.Trainer.Work;

/// <summary>
/// Runs one piece of trainer work per message, whatever its kind: claims it under the lease, keeps the lease alive,
/// makes it stoppable by a <see cref="CancelTrainerWork"/> broadcast, runs it through the <see cref="WorkThread"/>, and
/// stores how it ended. The message is acknowledged only when this method returns, which it does only after the
/// outcome is stored; if the process dies first, RabbitMQ redelivers the command to another replica, which takes the
/// work over. Transient faults are rethrown for MassTransit's retry with backoff; failures inherent to the work are
/// stored and never retried.
/// </summary>
public sealed class TrainerWorkConsumer(
    IEnumerable<ITrainerWork> kinds,
    WorkThread thread,
    RunCancellations cancellations,
    TrainerInstance instance,
    IOptions<TrainerOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<TrainerWorkConsumer> logger) : IConsumer<RunTrainerWork>
{
    public async Task Consume(ConsumeContext<RunTrainerWork> context)
    {
        var (kind, workId) = (context.Message.Kind, context.Message.WorkId);
        var work = kinds.Single(k => k.Kind == kind);
        var claim = new WorkClaim(workId, Guid.NewGuid(), instance.Id);
        using var activity = TrainerTelemetry.ActivitySource.StartActivity($"{kind.Noun()} run");
        activity?.SetTag($"weatherflow.{kind.Noun()}.id", workId);
        activity?.SetTag("weatherflow.trainer.instance", instance.Id);

        var holderIsGone = context.ReceiveContext.Redelivered || context.GetRetryAttempt() > 0;
        switch (await work.ClaimAsync(claim, holderIsGone, options.Value.MaxAttempts, context.CancellationToken))
        {
            case ClaimOutcome.NotWaiting:
                logger.LogInformation("{Kind} {WorkId} is not waiting for a trainer; skipping the command", kind, workId);
                return;
            case ClaimOutcome.GaveUp:
                logger.LogError("{Kind} {WorkId} failed: its runs stopped {MaxAttempts} times", kind, workId, options.Value.MaxAttempts);
                return;
        }
        logger.LogInformation("Trainer {ServiceInstanceId} is running {Kind} {WorkId}", instance.Id, kind.Noun(), workId);

        using var run = cancellations.Register(workId, context.CancellationToken);
        var started = time.GetTimestamp();
        await using var heartbeat = new LeaseHeartbeat(work, claim, run, time);
        try
        {
            if (await work.RunAsync(claim, thread, run.Token))
            {
                logger.LogInformation("{Kind} {WorkId} completed in {Elapsed}", kind, workId, time.GetElapsedTime(started));
            }
            else
            {
                logger.LogInformation("{Kind} {WorkId} was no longer this run's when it finished; its outcome was not stored", kind, workId);
            }
        }
        catch (ExperimentFailedException failure)
        {
            await FailAsync(work, claim, failure.Message, activity);
        }
        catch (TimeLimitExceededException timeout)
        {
            await FailAsync(work, claim, timeout.Message, activity);
            if (timeout.RunAbandoned)
            {
                logger.LogCritical("{Kind} {WorkId} did not stop at its hard time limit; restarting this trainer", kind, workId);
                // A non-zero exit tells the orchestrator this replica must be replaced, not merely stopped.
                Environment.ExitCode = 1;
                lifetime.StopApplication();
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // Shutting down: hand the work back; rethrowing a cancellation makes MassTransit requeue the command.
            await work.HandBackAsync(claim);
            logger.LogInformation("Trainer stopping: {Kind} {WorkId} goes back to the queue", kind, workId);
            throw;
        }
        catch (OperationCanceledException)
        {
            logger.LogInformation("{Kind} {WorkId} was cancelled after {Elapsed}; the run stopped", kind, workId, time.GetElapsedTime(started));
        }
        catch (Exception fault) when (context.GetRetryAttempt() < options.Value.RetryLimit)
        {
            logger.LogWarning(fault, "{Kind} {WorkId} hit a transient fault (attempt {Attempt}); retrying", kind, workId, context.GetRetryAttempt() + 1);
            await work.ReleaseAsync(claim);
            throw;
        }
        catch (Exception fault)
        {
            logger.LogError(fault, "{Kind} {WorkId} failed after {Attempts} attempts", kind, workId, options.Value.RetryLimit + 1);
            await FailAsync(work, claim, fault.Message, activity);
        }
    }

    private static async Task FailAsync(ITrainerWork work, WorkClaim claim, string error, Activity? activity)
    {
        activity?.SetStatus(ActivityStatusCode.Error, error);
        await work.FailAsync(claim, error);
    }
}
