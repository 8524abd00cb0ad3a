using MassTransit;
using WeatherFlow.Contracts.Models;

namespace WeatherFlow.Api.Models;

/// <summary>Forecasts asked of stored models: answered from an earlier identical one when there is, else stored
/// and sent to the trainers' prediction queue; and cancelled on request.</summary>
public sealed class PredictionService(
    WeatherDbContext db,
    Viewer viewer,
    ExperimentModelStore models,
    ISendEndpointProvider sendEndpoints,
    IPublishEndpoint publisher,
    IOptions<ApiOptions> options,
    TimeProvider time,
    ILogger<PredictionService> logger)
{
    private static readonly Uri PredictionQueue = new($"queue:{QueueNames.RunPrediction}");

    /// <summary>A queued prediction still unclaimed this long after its command went out lost its command.</summary>
    private static readonly TimeSpan ResendQueuedAfter = TimeSpan.FromMinutes(1);

    /// <summary>A running one still unanswered this long lost its trainer: past the trainers' 5-minute
    /// <c>Trainer:PredictionTimeLimit</c>, a live trainer would have answered or failed it.</summary>
    private static readonly TimeSpan ResendRunningAfter = TimeSpan.FromMinutes(6);

    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(15);

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
        if (!await SendAsync(prediction.Id))
        {
            // Not acknowledged to the client, so nothing is lost: the row says why, and asking again tries again.
            await SetFinalAsync(prediction.Id, ExperimentJobStatus.Failed, "The trainers could not be reached; ask again.");
            return new PredictionSubmission.Unavailable();
        }
        return new PredictionSubmission.Queued(prediction.ToJob());
    }

    /// <summary>Sends the prediction's command to the trainers' queue and records when.</summary>
    public async Task<bool> SendAsync(Guid predictionId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(options.Value.DispatchTimeout);
            await (await sendEndpoints.GetSendEndpoint(PredictionQueue)).Send(new RunPrediction(predictionId), timeout.Token);
        }
        catch (Exception exception)
        {
            // Whatever the broker's failure, the row stays unanswered and the sweep sends it again.
            logger.LogWarning(exception, "Could not send prediction {PredictionId} to the trainers", predictionId);
            return false;
        }
        var now = time.GetUtcNow();
        await db.ExperimentPredictions.Where(p => p.Id == predictionId).ExecuteUpdateAsync(set => set.SetProperty(p => p.DispatchedAt, now));
        return true;
    }

    /// <summary>The safety net behind "nothing accepted is lost": a prediction whose command or trainer was lost (a
    /// broker or trainer restart) is sent again, and one unanswered after <see cref="GiveUpAfter"/> fails, so every
    /// acknowledged prediction reaches a final state.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var giveUpBefore = now - GiveUpAfter;
        await db.ExperimentPredictions
            .Where(p => (p.Status == ExperimentJobStatus.Queued || p.Status == ExperimentJobStatus.Running) && p.SubmittedAt < giveUpBefore)
            .ExecuteUpdateAsync(set => set
                .SetProperty(p => p.Status, ExperimentJobStatus.Failed)
                .SetProperty(p => p.Error, $"No trainer answered within {GiveUpAfter.TotalMinutes:0} minutes.")
                .SetProperty(p => p.FinishedAt, now), cancellationToken);
        var (queuedBefore, runningBefore) = (now - ResendQueuedAfter, now - ResendRunningAfter);
        var unanswered = await db.ExperimentPredictions
            .Where(p => (p.Status == ExperimentJobStatus.Queued && (p.DispatchedAt == null || p.DispatchedAt < queuedBefore))
                || (p.Status == ExperimentJobStatus.Running && (p.DispatchedAt == null || p.DispatchedAt < runningBefore)))
            .OrderBy(p => p.SubmittedAt)
            .Select(p => p.Id)
            .Take(100)
            .ToListAsync(cancellationToken);
        foreach (var predictionId in unanswered)
        {
            if (!await SendAsync(predictionId))
            {
                return;
            }
        }
    }

    public async Task<PredictionJob?> GetAsync(Guid experimentId, Guid predictionId, CancellationToken cancellationToken) =>
        (await db.ExperimentPredictions.AsNoTracking()
            .Where(p => db.Experiments.ReadableBy(viewer).Any(e => e.Id == p.ExperimentId))
            .FirstOrDefaultAsync(p => p.Id == predictionId && p.ExperimentId == experimentId, cancellationToken))?.ToJob();

    /// <returns>False when the prediction had already finished.</returns>
    public async Task<bool> CancelAsync(Guid predictionId)
    {
        if (!await SetFinalAsync(predictionId, ExperimentJobStatus.Cancelled, null))
        {
            return false;
        }
        using var timeout = new CancellationTokenSource(options.Value.DispatchTimeout);
        try
        {
            await publisher.Publish(new CancelPrediction(predictionId), timeout.Token);
        }
        catch (Exception exception)
        {
            // It is cancelled already: a trainer that runs it anyway cannot overwrite that.
            logger.LogWarning(exception, "Could not tell the trainers to stop prediction {PredictionId}", predictionId);
        }
        return true;
    }

    private async Task<bool> SetFinalAsync(Guid predictionId, string status, string? error)
    {
        var now = time.GetUtcNow();
        return await db.ExperimentPredictions
            .Where(p => p.Id == predictionId && (p.Status == ExperimentJobStatus.Queued || p.Status == ExperimentJobStatus.Running))
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, status).SetProperty(p => p.Error, error).SetProperty(p => p.FinishedAt, now)) > 0;
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

    public sealed record Unavailable : PredictionSubmission;
}
