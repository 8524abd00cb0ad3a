namespace WeatherFlow.Trainer.Consumers;

/// <summary>Answers a prediction with its run's stored model, on a dedicated thread like a training run, and
/// stoppable by a <see cref="CancelPrediction"/> broadcast.</summary>
public sealed class RunPredictionConsumer(
    PredictionStore store,
    ExperimentEngine engine,
    RunCancellations cancellations,
    IOptions<TrainerOptions> options,
    ILogger<RunPredictionConsumer> logger) : IConsumer<RunPrediction>
{
    public async Task Consume(ConsumeContext<RunPrediction> context)
    {
        var predictionId = context.Message.PredictionId;
        if (await store.ClaimAsync(predictionId, context.CancellationToken) is not { } work)
        {
            return;
        }
        if (work is not { Request: { } request, Model: { } model })
        {
            await store.FailAsync(predictionId, "The run's model is no longer kept.");
            return;
        }
        using var run = cancellations.Register(predictionId, context.CancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(run.Token);
        limit.CancelAfter(options.Value.PredictionTimeLimit);
        try
        {
            var forecast = await Task.Factory.StartNew(
                () => engine.Predict(model, request, limit.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            await store.CompleteAsync(predictionId, forecast);
            logger.LogInformation("Prediction {PredictionId} completed", predictionId);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The trainer is stopping: the broker gives the message to another replica, which claims it again.
            throw;
        }
        catch (OperationCanceledException) when (!run.Token.IsCancellationRequested)
        {
            await store.FailAsync(predictionId, $"The forecast took longer than its time limit of {options.Value.PredictionTimeLimit}.");
        }
        catch (OperationCanceledException)
        {
            // The api marked it cancelled before it broadcast the cancellation.
            logger.LogInformation("Prediction {PredictionId} was cancelled", predictionId);
        }
        catch (ExperimentFailedException failure)
        {
            await store.FailAsync(predictionId, failure.Message);
        }
        catch (Exception fault) when (context.GetRetryAttempt() < options.Value.RetryLimit)
        {
            logger.LogWarning(fault, "Prediction {PredictionId} hit a transient fault (attempt {Attempt}); retrying", predictionId, context.GetRetryAttempt() + 1);
            throw;
        }
        catch (Exception fault)
        {
            // Without this, a prediction whose every attempt faulted would stay "running" for ever.
            logger.LogError(fault, "Prediction {PredictionId} failed after {Attempts} attempts", predictionId, options.Value.RetryLimit + 1);
            await store.FailAsync(predictionId, fault.Message);
        }
    }
}
