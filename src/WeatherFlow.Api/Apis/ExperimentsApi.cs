using System.Net.ServerSentEvents;
using System.Text.Unicode;
using WeatherFlow.Api.Datasets;
using WeatherFlow.Api.Evaluation;
using WeatherFlow.Contracts.Evaluation;
using WeatherFlow.Api.Hardening;

namespace WeatherFlow.Api.Apis;

public static class ExperimentsApi
{
    private const string ProgressEventType = "progress";

    public static IEndpointRouteBuilder MapExperimentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/experiments").WithTags("Experiments").AddEndpointFilter<JsonRequestBodyFilter>();

        api.MapPost("/", SubmitExperimentAsync)
            .WithName("SubmitExperiment")
            .WithSummary("Run an experiment")
            .WithDescription("Answers the result synchronously like the reference server, or 202 with the job when the request says `Prefer: respond-async` or the wait runs out.");
        api.MapGet("/{id}", GetExperimentAsync)
            .WithName("GetExperiment")
            .WithSummary("An experiment's status, progress and, once completed, its result")
            .Produces<ExperimentJob>(contentType: "application/json");
        api.MapGet("/{id}/result", GetResultAsync)
            .WithName("GetExperimentResult")
            .WithSummary("A completed experiment's result, shaped exactly like the reference server's response");
        api.MapGet("/{id}/metrics", GetEpochMetricsAsync)
            .WithName("GetExperimentEpochMetrics")
            .WithSummary("Train and validation losses per epoch, empty until the experiment completes");
        api.MapGet("/{id}/metrics.csv", GetEpochMetricsCsvAsync)
            .WithName("GetExperimentEpochMetricsCsv")
            .WithSummary("The per-epoch metrics as CSV, a row per epoch")
            .Produces<string>(contentType: "text/csv");
        api.MapGet("/{id}/scores", GetScoresAsync)
            .WithName("GetExperimentScores")
            .WithSummary("The evaluation of a completed run: latitude-weighted RMSE, bias and ACC per channel and lead time, with persistence and climatology");
        api.MapGet("/{id}/scores.csv", GetScoresCsvAsync)
            .WithName("GetExperimentScoresCsv")
            .WithSummary("The evaluation as CSV, a row per channel and lead time")
            .Produces<string>(contentType: "text/csv");
        api.MapGet("/{id}/events", StreamEventsAsync)
            .WithName("StreamExperimentEvents")
            .WithSummary("Server-sent progress events, ending with an event named after the final status");
        api.MapPatch("/{id}", UpdateLabelsAsync)
            .WithName("UpdateExperimentLabels")
            .WithSummary("Rename a run, or change its tags or note")
            .RequireAuthorization()
            .WithDescription("Fields left out stay as they are; `\"tags\": []` removes the tags and `\"note\": \"\"` the note.");
        api.MapDelete("/{id}", DeleteExperimentAsync)
            .WithName("DeleteExperiment")
            .WithSummary("Delete a run and its metrics")
            .RequireAuthorization()
            .WithDescription("A queued or running run is cancelled first, so its trainer stops. To stop a run and keep it, use `POST /api/experiments/{id}/cancel`.");
        api.MapPost("/{id}/cancel", CancelExperimentAsync)
            .WithName("CancelExperimentByPost")
            .WithSummary("Cancel a queued or running experiment")
            .RequireAuthorization();
        return app;
    }

    public static async Task<Results<ContentHttpResult, Accepted<ExperimentJob>, BadRequest<DetailResponse>, UnprocessableEntity<ValidationErrorResponse>, ProblemHttpResult>> SubmitExperimentAsync(
        HttpContext context,
        ExperimentSubmitter submitter,
        DatasetResolver datasets,
        ExperimentWatcher watcher,
        ExperimentQueries queries,
        IOptions<ExperimentsOptions> options,
        CancellationToken cancellationToken)
    {
        var body = await RequestBodyReader.ReadAsync(context.Request, cancellationToken);
        if (!Utf8.IsValid(body))
        {
            // The reference's answer for bytes that do not decode.
            return TypedResults.BadRequest(new DetailResponse("There was an error parsing the body"));
        }
        var read = ExperimentConfigReader.Read(body);
        if (!read.IsValid)
        {
            return TypedResults.UnprocessableEntity(new ValidationErrorResponse(read.Errors));
        }

        var (config, datasetName, datasetErrors) = await datasets.ResolveAsync(read.Config, cancellationToken);
        if (config is null)
        {
            return TypedResults.UnprocessableEntity(new ValidationErrorResponse(datasetErrors));
        }
        var (submitted, refusal) = await submitter.SubmitAsync(config, read.Labels, datasetName, cancellationToken);
        if (submitted is not { } experiment)
        {
            if (refusal!.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Quota exceeded", detail: refusal.Detail);
        }
        context.Response.Headers[CacheStatus.HeaderName] = experiment.FromCache ? CacheStatus.Hit : CacheStatus.Miss;
        context.Response.Headers.ContentLocation = Location(experiment.Id);
        var preference = AsyncPreference.Parse(context.Request.Headers["Prefer"]);
        var wait = preference.WaitFor(options.Value.SyncTimeout);
        if (wait == TimeSpan.Zero)
        {
            context.Response.Headers["Preference-Applied"] = "respond-async";
            return TypedResults.Accepted(Location(experiment.Id), await queries.ToLiveJobAsync(experiment, cancellationToken));
        }
        if (experiment.FromCache)
        {
            return TypedResults.Text(experiment.Result, "application/json");
        }

        var final = await watcher.WaitForFinalStateAsync(experiment.Id, wait, cancellationToken);
        return final?.Status switch
        {
            ExperimentJobStatus.Completed => TypedResults.Text(await queries.GetResultJsonAsync(experiment.Id, cancellationToken), "application/json"),
            ExperimentJobStatus.Failed => TypedResults.BadRequest(new DetailResponse(final.Error ?? "The experiment failed.")),
            ExperimentJobStatus.Cancelled => TypedResults.BadRequest(new DetailResponse($"Experiment {experiment.Id} was cancelled.")),
            _ => TypedResults.Accepted(Location(experiment.Id), await queries.ToLiveJobAsync(await queries.GetAsync(experiment.Id, cancellationToken) ?? experiment, cancellationToken)),
        };
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetExperimentAsync(
        string id, ExperimentQueries queries, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var experimentId) && await queries.GetJobJsonAsync(experimentId, cancellationToken) is { } json
            ? TypedResults.Bytes(json, "application/json")
            : NotFound(id);

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetResultAsync(
        string id, ExperimentQueries queries, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var experimentId) || await queries.GetAsync(experimentId, cancellationToken) is not { } experiment)
        {
            return NotFound(id);
        }
        return experiment.Result is { } result
            ? TypedResults.Text(result, "application/json")
            : TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Experiment has no result",
                detail: $"Experiment {experimentId} is {experiment.Status}.");
    }

    public static async Task<Results<Ok<List<EpochLosses>>, ProblemHttpResult>> GetEpochMetricsAsync(
        string id, ExperimentQueries queries, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var experimentId) && await queries.ExistsAsync(experimentId, cancellationToken)
            ? TypedResults.Ok(await queries.GetEpochMetricsAsync(experimentId, cancellationToken))
            : NotFound(id);

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetEpochMetricsCsvAsync(
        string id, ExperimentQueries queries, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var experimentId) && await queries.ExistsAsync(experimentId, cancellationToken)
            ? TypedResults.Text(EpochMetricsCsv.Write(await queries.GetEpochMetricsAsync(experimentId, cancellationToken)), "text/csv")
            : NotFound(id);

    public static async Task<Results<Ok<EvaluationResult>, ProblemHttpResult>> GetScoresAsync(
        string id, ExperimentQueries queries, CancellationToken cancellationToken) =>
        await EvaluationOfAsync(id, queries, cancellationToken) switch
        {
            (EvaluationResult evaluation, _) => TypedResults.Ok(evaluation),
            (_, var problem) => problem!,
        };

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetScoresCsvAsync(
        string id, ExperimentQueries queries, CancellationToken cancellationToken) =>
        await EvaluationOfAsync(id, queries, cancellationToken) switch
        {
            (EvaluationResult evaluation, _) => TypedResults.Text(ScoresCsv.Write(evaluation), "text/csv"),
            (_, var problem) => problem!,
        };

    private static async Task<(EvaluationResult? Evaluation, ProblemHttpResult? Problem)> EvaluationOfAsync(string id, ExperimentQueries queries, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var experimentId) || await queries.GetAsync(experimentId, cancellationToken) is not { } experiment)
        {
            return (null, NotFound(id));
        }
        return ResultEvaluation.Read(experiment.Result) is { } evaluation
            ? (evaluation, null)
            : (null, TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Experiment has no scores",
                detail: experiment.Result is null
                    ? $"Experiment {experimentId} is {experiment.Status}; its scores come with its result."
                    : $"Experiment {experimentId} was trained before runs were evaluated; run its config again for scores."));
    }

    public static async Task<Results<ServerSentEventsResult<ExperimentJobEvent>, ProblemHttpResult>> StreamEventsAsync(
        string id, ExperimentQueries queries, ExperimentWatcher watcher, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var experimentId) || !await queries.ExistsAsync(experimentId, cancellationToken))
        {
            return NotFound(id);
        }
        return TypedResults.ServerSentEvents(AsServerSentEvents(watcher.WatchAsync(experimentId, cancellationToken)));
    }

    public static async Task<Results<Ok<ExperimentJob>, ProblemHttpResult>> CancelExperimentAsync(
        string id, ExperimentCanceller canceller, ExperimentQueries queries, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var experimentId))
        {
            return NotFound(id);
        }
        var outcome = await canceller.CancelAsync(experimentId, cancellationToken);
        if (outcome == CancelOutcome.NotFound || await queries.GetAsync(experimentId, cancellationToken) is not { } experiment)
        {
            return NotFound(id);
        }
        return outcome == CancelOutcome.Cancelled
            ? TypedResults.Ok(experiment.ToJob())
            : TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Experiment already finished",
                detail: $"Experiment {experimentId} is {experiment.Status} and can no longer be cancelled.");
    }

    public static async Task<Results<Ok<ExperimentJob>, ValidationProblem, ProblemHttpResult>> UpdateLabelsAsync(
        string id, ExperimentLabelsUpdate update, ExperimentLabeller labeller, ExperimentQueries queries, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var experimentId))
        {
            return NotFound(id);
        }
        if (ExperimentLabeller.Validate(update) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid labels");
        }
        return await labeller.UpdateAsync(experimentId, update, cancellationToken)
            && await queries.GetAsync(experimentId, cancellationToken) is { } experiment
            ? TypedResults.Ok(experiment.ToJob())
            : NotFound(id);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteExperimentAsync(
        string id, ExperimentDeleter deleter, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var experimentId) && await deleter.DeleteAsync(experimentId, cancellationToken)
            ? TypedResults.NoContent()
            : NotFound(id);

    private static async IAsyncEnumerable<SseItem<ExperimentJobEvent>> AsServerSentEvents(IAsyncEnumerable<ExperimentJobEvent> events)
    {
        await foreach (var jobEvent in events)
        {
            yield return new SseItem<ExperimentJobEvent>(jobEvent, ExperimentJobStatus.IsFinal(jobEvent.Status) ? jobEvent.Status : ProgressEventType);
        }
    }

    private static string Location(Guid experimentId) => $"/api/experiments/{experimentId}";

    internal static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Experiment not found",
        detail: $"There is no experiment with id '{id}'.");
}
