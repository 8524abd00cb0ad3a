using System.ComponentModel;
using WeatherFlow.Api.Hardening;
using WeatherFlow.Api.Trainers;

namespace WeatherFlow.Api.Apis;

public static class ExperimentHistoryApi
{
    public static IEndpointRouteBuilder MapExperimentHistoryApi(this IEndpointRouteBuilder app)
    {
        // Lists show an account its own runs, so they need one: an anonymous list answers 401.
        var api = app.MapGroup("/api/experiments").WithTags("History").AddEndpointFilter<JsonRequestBodyFilter>().RequireAuthorization();

        api.MapGet("/", ListExperimentsAsync)
            .WithName("ListExperiments")
            .WithSummary("Find runs: search, filter, sort and page through the history")
            .WithDescription("Newest first by default. When more rows follow, the `Link` header holds the next page's URL (`rel=\"next\"`), with a cursor that stays valid however many runs are submitted meanwhile.")
            .AddOpenApiOperationTransformer(HistoryParameterDescriptions.DescribeAsync);
        api.MapGet("/aggregates", AggregateAsync)
            .WithName("AggregateExperiments")
            .WithSummary("A metric of completed runs per value of a config field: count, mean, min and max")
            .AddOpenApiOperationTransformer(HistoryParameterDescriptions.DescribeAsync);
        api.MapGet("/compare", CompareAsync)
            .WithName("CompareExperiments")
            .WithSummary("2 to 6 runs side by side: config differences, loss curves, per-channel scores");
        return app;
    }

    public static async Task<Results<Ok<List<ExperimentJobSummary>>, ValidationProblem>> ListExperimentsAsync(
        [AsParameters] HistoryParameters filter,
        [AsParameters] HistoryPageParameters page,
        HttpContext context,
        ExperimentHistory history,
        TrainerPresence trainers,
        IOptions<ExperimentsOptions> options,
        CancellationToken cancellationToken)
    {
        var parser = new HistoryQueryParser(options.Value);
        if (parser.Page(filter, page) is not { } request)
        {
            return InvalidQuery(parser);
        }
        var (rows, next) = await history.ListAsync(request, cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i] = rows[i] with { CurrentStep = await trainers.CurrentStepAsync(rows[i].Status, rows[i].CurrentStep, cancellationToken) };
        }
        if (next is not null)
        {
            NextPageLink.Set(context, HistoryParameterNames.Cursor, next.Encode());
        }
        return TypedResults.Ok(rows);
    }

    public static async Task<Results<Ok<ExperimentAggregates>, ValidationProblem>> AggregateAsync(
        [AsParameters] HistoryParameters filter,
        [AsParameters] AggregateParameters aggregate,
        ExperimentHistory history,
        IOptions<ExperimentsOptions> options,
        CancellationToken cancellationToken)
    {
        var parser = new HistoryQueryParser(options.Value);
        return parser.Aggregate(filter, aggregate) is { } request
            ? TypedResults.Ok(await history.AggregateAsync(request, cancellationToken))
            : InvalidQuery(parser);
    }

    public static async Task<Results<Ok<ExperimentComparison>, ValidationProblem, ProblemHttpResult>> CompareAsync(
        [Description("A run to compare; repeat the parameter (or separate ids with commas) for 2 to 6 runs.")] string[]? id,
        [Description("The run the scorecard compares the others with; one of the ids, by default the first.")] string? reference,
        ExperimentComparer comparer, CancellationToken cancellationToken)
    {
        var given = (id ?? []).SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        var ids = given.Select(value => Guid.TryParse(value, out var parsed) ? parsed : Guid.Empty).Distinct().ToList();
        var problem = given.FirstOrDefault(value => !Guid.TryParse(value, out _)) is { } bad ? $"'{bad}' is not an experiment id."
            : ids.Count is < ExperimentComparer.MinRuns or > ExperimentComparer.MaxRuns
                ? $"Give {ExperimentComparer.MinRuns} to {ExperimentComparer.MaxRuns} different experiment ids; got {ids.Count}."
            : null;
        if (problem is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [problem] }, title: "Invalid query parameter");
        }
        var referenceId = ids[0];
        if (reference is not null && !(Guid.TryParse(reference, out referenceId) && ids.Contains(referenceId)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reference"] = [$"'{reference}' is not one of the compared runs."] }, title: "Invalid query parameter");
        }
        var (comparison, missing) = await comparer.CompareAsync(ids, referenceId, cancellationToken);
        return comparison is not null ? TypedResults.Ok(comparison) : ExperimentsApi.NotFound(missing.ToString()!);
    }

    private static ValidationProblem InvalidQuery(HistoryQueryParser parser) =>
        TypedResults.ValidationProblem(parser.Errors, title: parser.Errors.Count == 1 ? "Invalid query parameter" : "Invalid query parameters");
}
