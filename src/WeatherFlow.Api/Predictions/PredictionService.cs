using MassTransit;
using WeatherFlow.Api.ModelStore;
using WeatherFlow.Contracts.Models;

namespace WeatherFlow.Api.Predictions;

/// <summary>Forecasts asked of stored models: answered from an earlier identical one when there is, else stored and
/// handed to the dispatcher, which sends it to the trainers as it sends experiments (so one accepted while the broker
/// is down runs when it is back); and cancelled on request.</summary>
public sealed class PredictionService(
    WeatherDbContext db,
    Caller caller,
    ExperimentModelStore models,
    WorkDispatchQueue dispatch,
    IPublishEndpoint publisher,
    IOptions<ExperimentsOptions> options,
    TimeProvider time,
    ILogger<PredictionService> logger)
{
    public async Task<PredictionSubmission> SubmitAsync(Guid experimentId, JsonElement body, CancellationToken cancellationToken)
    {
        var lookup = await models.FindAsync(experimentId, withWeights: false, cancellationToken);
        if (lookup is not ModelLookup.Found found)
        {
            return new PredictionSubmission.NoModel(lookup);
        }
        var model = JsonSerializer.Deserialize<ModelMetadata>(found.MetadataJson, ExperimentJson.Options)!;
        if (model.Config.Dataset.Source is not null)
        {
            // The engine draws a forecast's inputs from the run's generator; a dataset run has none to draw from.
            return new PredictionSubmission.NotOffered("New forecasts from the model of a run on a dataset are not offered yet; its run's result holds the forecast from the first test pair and the test block's scores.");
        }
        var (request, errors) = ForecastRequestReader.Read(body, model);
        if (request is null)
        {
            return new PredictionSubmission.Invalid(errors);
        }
        var hash = ForecastRequestReader.Hash(model.Config.ComputeHash(), request);
        var earlier = await db.ExperimentPredictions.AsNoTracking()
            .Where(p => p.RequestHash == hash && (p.Status == ExperimentJobStatus.Completed
                || (p.ExperimentId == experimentId && (p.Status == ExperimentJobStatus.Queued || p.Status == ExperimentJobStatus.Running))))
            .OrderBy(p => p.Status == ExperimentJobStatus.Completed ? 0 : 1).ThenBy(p => p.SubmittedAt)
            .FirstOrDefaultAsync(cancellationToken);
        switch (earlier)
        {
            case { Status: not ExperimentJobStatus.Completed }:
                // The same question of this run is on its way already: follow that one.
                return new PredictionSubmission.Queued(earlier.ToJob());
            case not null when earlier.ExperimentId == experimentId:
                return new PredictionSubmission.Answered(earlier.ToJob());
            case not null:
                // Answered for another run of the config: a copy under this run, so it is found at this run's address.
                var copy = new ExperimentPrediction
                {
                    Id = Guid.CreateVersion7(), ExperimentId = experimentId, RequestHash = hash, Request = earlier.Request,
                    Status = ExperimentJobStatus.Completed, Forecast = earlier.Forecast, SubmittedAt = time.GetUtcNow(), FinishedAt = time.GetUtcNow(),
                };
                db.ExperimentPredictions.Add(copy);
                await db.SaveChangesAsync(cancellationToken);
                return new PredictionSubmission.Answered(copy.ToJob());
        }
        var prediction = new ExperimentPrediction
        {
            Id = Guid.CreateVersion7(),
            ExperimentId = experimentId,
            RequestHash = hash,
            Request = JsonSerializer.Serialize(request, ExperimentJson.Options),
            Status = ExperimentJobStatus.Queued,
            SubmittedAt = time.GetUtcNow(),
        };
        db.ExperimentPredictions.Add(prediction);
        await db.SaveChangesAsync(cancellationToken);
        dispatch.Enqueue(TrainerWorkKind.Prediction, prediction.Id);
        return new PredictionSubmission.Queued(prediction.ToJob());
    }

    public async Task<PredictionJob?> GetAsync(Guid experimentId, Guid predictionId, CancellationToken cancellationToken) =>
        (await db.ExperimentPredictions.AsNoTracking()
            .Where(p => db.Experiments.ReadableBy(caller).Any(e => e.Id == p.ExperimentId))
            .FirstOrDefaultAsync(p => p.Id == predictionId && p.ExperimentId == experimentId, cancellationToken))?.ToJob();

    /// <returns>False when the prediction had already finished.</returns>
    public async Task<bool> CancelAsync(Guid predictionId)
    {
        var now = time.GetUtcNow();
        var cancelled = await db.ExperimentPredictions.Open().Where(p => p.Id == predictionId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, ExperimentJobStatus.Cancelled).SetProperty(p => p.FinishedAt, now));
        if (cancelled == 0)
        {
            return false;
        }
        using var timeout = new CancellationTokenSource(options.Value.DispatchTimeout);
        try
        {
            await publisher.Publish(new CancelTrainerWork(predictionId), timeout.Token);
        }
        catch (Exception exception)
        {
            // It is cancelled already: a trainer that runs it anyway cannot overwrite that.
            logger.LogWarning(exception, "Could not tell the trainers to stop prediction {PredictionId}", predictionId);
        }
        return true;
    }
}

public abstract record PredictionSubmission
{
    public sealed record NoModel(ModelLookup Lookup) : PredictionSubmission;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : PredictionSubmission;

    public sealed record NotOffered(string Reason) : PredictionSubmission;

    /// <summary>An identical request was answered before.</summary>
    public sealed record Answered(PredictionJob Prediction) : PredictionSubmission;

    public sealed record Queued(PredictionJob Prediction) : PredictionSubmission;
}
