using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using static WeatherFlow.Api.History.HistoryVocabulary;

namespace WeatherFlow.Api.History;

/// <summary>The query string of the history endpoints, as text: <see cref="HistoryQueryParser"/> says which
/// parameter is wrong and why, where the binder would answer a bare 400.</summary>
public sealed record HistoryParameters(
    [FromQuery(Name = Parameters.Text)] string? Q = null,
    [FromQuery(Name = Parameters.Status)] string[]? Status = null,
    [FromQuery(Name = Parameters.Backbone)] string[]? Backbone = null,
    [FromQuery(Name = Parameters.Variable)] string[]? Variable = null,
    [FromQuery(Name = Parameters.Tag)] string[]? Tag = null,
    [FromQuery(Name = Parameters.From)] string? From = null,
    [FromQuery(Name = Parameters.To)] string? To = null);

/// <summary>How <c>GET /api/experiments</c> orders and pages the history.</summary>
public sealed record HistoryPageParameters(
    [FromQuery(Name = Parameters.Sort)] string? Sort = null,
    [FromQuery(Name = Parameters.Order)] string? Order = null,
    [FromQuery(Name = Parameters.Limit)] string? Limit = null,
    [FromQuery(Name = Parameters.Cursor)] string? Cursor = null);

/// <summary>What <c>GET /api/experiments/aggregates</c> summarises.</summary>
public sealed record AggregateParameters(
    [FromQuery(Name = Parameters.Metric)] string? Metric = null,
    [FromQuery(Name = Parameters.By)] string? By = null);

/// <summary>
/// What each history parameter means, written into the OpenAPI document by an operation transformer: ASP.NET Core 10
/// throws while reading <c>[Description]</c> through <c>[AsParameters]</c> (dotnet/aspnetcore#65348).
/// </summary>
public static class HistoryParameterDescriptions
{
    private static readonly Dictionary<string, string> ByName = new()
    {
        [Parameters.Text] = "Text to find in the name, tags or note (case-insensitive).",
        [Parameters.Status] = "queued, running, completed, failed or cancelled; repeat or separate with commas for any of several.",
        [Parameters.Backbone] = "grid or icosahedral; repeat for any of several.",
        [Parameters.Variable] = "A variable the run must include (t, z, u or v); repeat to require several.",
        [Parameters.Tag] = "A tag the run must carry; repeat to require several.",
        [Parameters.From] = "Submitted at or after this ISO 8601 date or time.",
        [Parameters.To] = "Submitted before this ISO 8601 date or time; a date alone includes that whole day.",
        [Parameters.Sort] = $"{Sorts.Submitted} (default), {Sorts.RunTime}, {Sorts.ValidationLoss}, {Sorts.MeanSkill}, or a score of the evaluation as metric:channel:lead, e.g. rmse:z@500:24h (metrics {ScoreMetrics.Rmse}, {ScoreMetrics.Bias}, {ScoreMetrics.Acc}, {ScoreMetrics.Skill}, {ScoreMetrics.ClimatologySkill}).",
        [Parameters.Order] = $"{Orders.Ascending} or {Orders.Descending}; by default newest, fastest, lowest loss or RMSE and highest skill or ACC come first.",
        [Parameters.Limit] = "Rows per page, 1 to 200 (default 20).",
        [Parameters.Cursor] = "The cursor from the previous page's Link rel=\"next\" header.",
        [Parameters.Metric] = $"{Sorts.ValidationLoss} (default), {Sorts.MeanSkill}, {Sorts.RunTime}, or a score of the evaluation as metric:channel:lead, e.g. skill:t@850:12h.",
        [Parameters.By] = $"{Groupings.Backbone} (default), {Groupings.HiddenDim}, {Groupings.TrainSamples} or {Groupings.Epochs}.",
    };

    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is { } name && ByName.TryGetValue(name, out var description))
            {
                parameter.Description = description;
            }
        }
        return Task.CompletedTask;
    }
}
