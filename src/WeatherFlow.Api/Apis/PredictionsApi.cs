using System.Diagnostics;
using System.Text.Unicode;
using WeatherFlow.Api.Hardening;
using WeatherFlow.Api.Predictions;
using WeatherFlow.Contracts.Models;

namespace WeatherFlow.Api.Apis;

public static class PredictionsApi
{
    public static IEndpointRouteBuilder MapPredictionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/experiments/{id}/predictions").WithTags("Models").AddEndpointFilter<JsonRequestBodyFilter>();

        api.MapPost("/", SubmitPredictionAsync)
            .WithName("SubmitPrediction")
            .WithSummary("Forecast again with a run's stored model, on the trainer pool")
            .RequireAuthorization()
            .WithDescription("""The body is `{"seed": 5}`, or `{"initial": [[[…]]]}` fields shaped [channel][lat][lon] in physical units, with optional `timeSteps` and `solverMethod` (the run's own by default). Answers 202 with the prediction to poll at `Location`, or 200 when the same request of this config was answered before (`Cache-Status: WeatherFlow; hit`).""");
        api.MapGet("/{predictionId}", GetPredictionAsync)
            .WithName("GetPrediction")
            .WithSummary("A prediction's status and, once completed, its forecast: each channel's trajectory, and its scores against the true next state for a seeded start");
        api.MapPost("/{predictionId}/cancel", CancelPredictionAsync)
            .WithName("CancelPrediction")
            .WithSummary("Cancel a queued or running prediction")
            .RequireAuthorization();
        return app;
    }

    public static async Task<Results<Ok<PredictionJob>, Accepted<PredictionJob>, ValidationProblem, ProblemHttpResult>> SubmitPredictionAsync(
        string id, HttpContext context, PredictionService predictions, ExperimentQueries queries, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var experimentId) || !await queries.ManagesAsync(experimentId, cancellationToken))
        {
            return ExperimentsApi.NotFound(id);
        }
        var bytes = await RequestBodyReader.ReadAsync(context.Request, cancellationToken);
        if (!Utf8.IsValid(bytes) || Parse(bytes) is not { } body)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid JSON",
                detail: "The body is not JSON text; send an object such as {\"seed\": 5}.");
        }
        var submission = await predictions.SubmitAsync(experimentId, body, cancellationToken);
        switch (submission)
        {
            case PredictionSubmission.Answered answered:
                context.Response.Headers[CacheStatus.HeaderName] = CacheStatus.Hit;
                return TypedResults.Ok(answered.Prediction);
            case PredictionSubmission.Queued queued:
                context.Response.Headers[CacheStatus.HeaderName] = CacheStatus.Miss;
                return TypedResults.Accepted($"/api/experiments/{experimentId}/predictions/{queued.Prediction.Id}", queued.Prediction);
            case PredictionSubmission.Invalid invalid:
                return TypedResults.ValidationProblem(invalid.Errors, title: "Invalid prediction request");
            case PredictionSubmission.NoModel noModel:
                return ExperimentModelsApi.Problem(id, noModel.Lookup);
            case PredictionSubmission.NotOffered notOffered:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Forecasts not offered", detail: notOffered.Reason);
            default:
                throw new UnreachableException($"Unknown prediction submission outcome {submission}.");
        }
    }

    public static async Task<Results<Ok<PredictionJob>, ProblemHttpResult>> GetPredictionAsync(
        string id, string predictionId, PredictionService predictions, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var experimentId) && Guid.TryParse(predictionId, out var prediction)
            && await predictions.GetAsync(experimentId, prediction, cancellationToken) is { } job
            ? TypedResults.Ok(job)
            : NotFound(id, predictionId);

    public static async Task<Results<Ok<PredictionJob>, ProblemHttpResult>> CancelPredictionAsync(
        string id, string predictionId, PredictionService predictions, ExperimentQueries queries, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var experimentId) || !Guid.TryParse(predictionId, out var prediction)
            || !await queries.ManagesAsync(experimentId, cancellationToken)
            || await predictions.GetAsync(experimentId, prediction, cancellationToken) is null)
        {
            return NotFound(id, predictionId);
        }
        var cancelled = await predictions.CancelAsync(prediction);
        var job = (await predictions.GetAsync(experimentId, prediction, cancellationToken))!;
        return cancelled
            ? TypedResults.Ok(job)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Prediction already finished",
                detail: $"Prediction {prediction} is {job.Status} and can no longer be cancelled.");
    }

    private static JsonElement? Parse(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ProblemHttpResult NotFound(string id, string predictionId) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Prediction not found",
        detail: $"Experiment '{id}' has no prediction '{predictionId}'.");
}
