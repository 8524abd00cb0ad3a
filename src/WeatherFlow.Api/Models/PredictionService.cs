using MassTransit;
using WeatherFlow.Contracts.Models;

namespace WeatherFlow.Api.Models;

/// <summary>Forecasts asked of stored models: answered from an earlier identical one when there is, else stored
/// and sent to the trainers' prediction queue; and cancelled on request.</summary>
public sealed class PredictionService(
    WeatherDbContext db,
    ExperimentModelStore models,
    ISendEndpointProvider sendEndpoints,
    IPublishEndpoint publisher,
    IOptions<ApiOptions> options,
    TimeProvider time)
{
    private static readonly Uri PredictionQueue = new($"queue:{QueueNames.RunPrediction}");

    public async Task<PredictionSubmission> SubmitAsync(Guid experimentId, JsonElement body, CancellationToken cancellationToken)
    {
        var lookup = await models.FindAsync(experimentId, withWeights: false, cancellationToken);
        if (lookup is not ModelLookup.Found found)
        {
            return new PredictionSubmission.NoModel(lookup);
        }
        var model = JsonSerializer.Deserialize<ModelMetadata>(found.MetadataJson, ExperimentJson.Options)!;
        var (request, errors) = ForecastRequestReader.Read(body, model);
        if (request is null)
        {
            return new PredictionSubmission.Invalid(errors);
        }
        var hash = ForecastRequestReader.Hash(model.Config.ComputeHash(), request);
        if (await db.ExperimentPredictions.AsNoTracking()
                .Where(p => p.RequestHash == hash && p.Status == ExperimentJobStatus.Completed)
                .OrderBy(p => p.SubmittedAt)
                .FirstOrDefaultAsync(cancellationToken) is { } answered)
        {
            return new PredictionSubmission.Answered(answered.ToJob());
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
        try
        {
            using var timeout = new CancellationTokenSource(options.Value.DispatchTimeout);
            await (await sendEndpoints.GetSendEndpoint(PredictionQueue)).Send(new RunPrediction(prediction.Id), timeout.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not acknowledged to the client, so nothing is lost: the row says why, and asking again tries again.
            await SetFinalAsync(prediction.Id, ExperimentJobStatus.Failed, "The trainers could not be reached; ask again.");
            return new PredictionSubmission.Unavailable();
        }
        return new PredictionSubmission.Queued(prediction.ToJob());
    }

    public async Task<PredictionJob?> GetAsync(Guid experimentId, Guid predictionId, CancellationToken cancellationToken) =>
        (await db.ExperimentPredictions.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == predictionId && p.ExperimentId == experimentId, cancellationToken))?.ToJob();

    /// <returns>False when the prediction had already finished.</returns>
    public async Task<bool> CancelAsync(Guid predictionId)
    {
        if (!await SetFinalAsync(predictionId, ExperimentJobStatus.Cancelled, null))
        {
            return false;
        }
        await publisher.Publish(new CancelPrediction(predictionId));
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

    /// <summary>An identical request was answered before.</summary>
    public sealed record Answered(PredictionJob Prediction) : PredictionSubmission;

    public sealed record Queued(PredictionJob Prediction) : PredictionSubmission;

    public sealed record Unavailable : PredictionSubmission;
}
