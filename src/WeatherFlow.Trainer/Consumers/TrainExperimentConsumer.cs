using System.Diagnostics;
using System.Text.Json;

namespace WeatherFlow.Trainer.Consumers;

/// <summary>
/// Trains one experiment per message. The message is acknowledged only when this method returns, which it does
/// only after the outcome is stored; if the process dies first, RabbitMQ redelivers the command to another replica,
/// which takes the experiment over. Transient faults are rethrown for MassTransit's retry with backoff; failures
/// inherent to the config are stored and never retried.
/// </summary>
public sealed class TrainExperimentConsumer(
    ExperimentRunStore store,
    ExperimentRunner runner,
    ExperimentResultCache cache,
    ExperimentEventChannel events,
    RunCancellations cancellations,
    TrainerInstance instance,
    TrainerTelemetry telemetry,
    IOptions<TrainerOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<TrainExperimentConsumer> logger) : IConsumer<TrainExperiment>
{
    public async Task Consume(ConsumeContext<TrainExperiment> context)
    {
        var message = context.Message;
        var experimentId = message.ExperimentId;
        var runId = Guid.NewGuid();
        using var activity = TrainerTelemetry.ActivitySource.StartActivity("experiment run");
        activity?.SetTag("weatherflow.experiment.id", experimentId);
        activity?.SetTag("weatherflow.trainer.instance", instance.Id);

        var holderIsGone = context.ReceiveContext.Redelivered || context.GetRetryAttempt() > 0;
        switch (await store.TryClaimAsync(experimentId, runId, instance.Id, holderIsGone, options.Value.MaxAttempts, context.CancellationToken))
        {
            case ClaimOutcome.NotWaiting:
                logger.LogInformation("Experiment {ExperimentId} is not waiting for a trainer; skipping the command", experimentId);
                return;
            case ClaimOutcome.GaveUp:
                logger.LogError("Experiment {ExperimentId} failed: its runs stopped {MaxAttempts} times", experimentId, options.Value.MaxAttempts);
                telemetry.Failed.Add(1);
                await PublishStateAsync(experimentId);
                return;
        }
        logger.LogInformation("Trainer {ServiceInstanceId} is running experiment {ExperimentId}", instance.Id, experimentId);
        // Watchers learn at once that a trainer started, rather than at the first progress report.
        await PublishStateAsync(experimentId);

        using var run = cancellations.Register(experimentId, context.CancellationToken);
        var started = time.GetTimestamp();
        try
        {
            ExperimentOutcome outcome;
            await using (var progress = new ProgressReporter(store, events, time, options.Value.ProgressInterval, experimentId, runId, run))
            {
                outcome = await runner.RunAsync(experimentId, ConfigOf(message), progress, run.Token);
            }
            var resultJson = JsonSerializer.Serialize(outcome.Result, ExperimentJson.Options);
            // Cached before it is stored, so a client that sees "completed" and repeats the config hits the cache.
            await cache.SetAsync(message.ConfigHash, resultJson);
            if (await store.CompleteAsync(experimentId, runId, message.ConfigHash, outcome, resultJson))
            {
                telemetry.Completed.Add(1);
                telemetry.RunTime.Record(time.GetElapsedTime(started).TotalSeconds);
                await PublishStateAsync(experimentId);
                logger.LogInformation("Experiment {ExperimentId} completed in {Elapsed}", experimentId, time.GetElapsedTime(started));
            }
        }
        catch (ExperimentFailedException failure)
        {
            await FailAsync(experimentId, runId, failure.Message, activity);
        }
        catch (TimeLimitExceededException timeout)
        {
            await FailAsync(experimentId, runId, timeout.Message, activity);
            if (timeout.RunAbandoned)
            {
                logger.LogCritical("Experiment {ExperimentId} did not stop at its hard time limit; restarting this trainer", experimentId);
                // A non-zero exit tells the orchestrator this replica must be replaced, not merely stopped.
                Environment.ExitCode = 1;
                lifetime.StopApplication();
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // Shutting down: hand the experiment back; rethrowing a cancellation makes MassTransit requeue the command.
            if (await store.HandBackAsync(experimentId, runId))
            {
                await PublishStateAsync(experimentId);
            }
            logger.LogInformation("Trainer stopping: experiment {ExperimentId} goes back to the queue", experimentId);
            throw;
        }
        catch (OperationCanceledException)
        {
            logger.LogInformation("Experiment {ExperimentId} was cancelled after {Elapsed}; the run stopped", experimentId, time.GetElapsedTime(started));
        }
        catch (Exception fault) when (context.GetRetryAttempt() < options.Value.RetryLimit)
        {
            logger.LogWarning(fault, "Experiment {ExperimentId} hit a transient fault (attempt {Attempt}); retrying", experimentId, context.GetRetryAttempt() + 1);
            await store.ReleaseAsync(experimentId, runId);
            throw;
        }
        catch (Exception fault)
        {
            logger.LogError(fault, "Experiment {ExperimentId} failed after {Attempts} attempts", experimentId, options.Value.RetryLimit + 1);
            await FailAsync(experimentId, runId, fault.Message, activity);
        }
    }

    /// <summary>A config that does not read back can never train: it fails the run instead of being retried.</summary>
    private static ExperimentConfig ConfigOf(TrainExperiment message)
    {
        try
        {
            return ExperimentConfig.FromCanonicalJson(message.ConfigJson);
        }
        catch (JsonException exception)
        {
            throw new ExperimentFailedException($"The experiment's stored config is not a config: {exception.Message}");
        }
    }

    private async Task FailAsync(Guid experimentId, Guid runId, string error, Activity? activity)
    {
        activity?.SetStatus(ActivityStatusCode.Error, error);
        if (await store.FailAsync(experimentId, runId, error))
        {
            telemetry.Failed.Add(1);
            await PublishStateAsync(experimentId);
        }
    }

    private async Task PublishStateAsync(Guid experimentId)
    {
        if (await store.LoadEventAsync(experimentId) is { } state)
        {
            await events.PublishAsync(state);
        }
    }
}
