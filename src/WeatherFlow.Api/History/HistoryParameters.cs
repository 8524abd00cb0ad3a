using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using static WeatherFlow.Api.History.HistoryVocabulary;

namespace WeatherFlow.Api.History;

/// <summary>The query string of the history endpoints, as text: <see cref="HistoryQueryParser"/> says which
/// parameter is wrong and why, where the binder would answer a bare 400.</summary>
public sealed record HistoryParameters(
    [FromQuery(Name = HistoryParameterNames.Text)] string? Q = null,
    [FromQuery(Name = HistoryParameterNames.Status)] string[]? Status = null,
    [FromQuery(Name = HistoryParameterNames.Backbone)] string[]? Backbone = null,
    [FromQuery(Name = HistoryParameterNames.Variable)] string[]? Variable = null,
    [FromQuery(Name = HistoryParameterNames.Tag)] string[]? Tag = null,
    [FromQuery(Name = HistoryParameterNames.From)] string? From = null,
    [FromQuery(Name = HistoryParameterNames.To)] string? To = null);

/// <summary>How <c>GET /api/experiments</c> orders and pages the history.</summary>
public sealed record HistoryPageParameters(
    [FromQuery(Name = HistoryParameterNames.Sort)] string? Sort = null,
    [FromQuery(Name = HistoryParameterNames.Order)] string? Order = null,
    [FromQuery(Name = HistoryParameterNames.Limit)] string? Limit = null,
    [FromQuery(Name = HistoryParameterNames.Cursor)] string? Cursor = null);

/// <summary>What <c>GET /api/experiments/aggregates</c> summarises.</summary>
public sealed record AggregateParameters(
    [FromQuery(Name = HistoryParameterNames.Metric)] string? Metric = null,
    [FromQuery(Name = HistoryParameterNames.By)] string? By = null);

/// <summary>
/// What each history parameter means, written into the OpenAPI document by an operation transformer: ASP.NET Core 10
/// throws while reading <c>[Description]</c> through <c>[AsParameters]</c> (dotnet/aspnetcore#65348).
/// </summary>
public static class HistoryParameterDescriptions
{
    private static readonly Dictionary<string, string> ByName = new()
    {
        [HistoryParameterNames.Text] = "Text to find in the name, tags or note (case-insensitive).",
        [HistoryParameterNames.Status] = "queued, running, completed, failed or cancelled; repeat or separate with commas for any of several.",
        [HistoryParameterNames.Backbone] = "grid or icosahedral; repeat for any of several.",
        [HistoryParameterNames.Variable] = "A variable the run must include (t, z, u or v); repeat to require several.",
        [HistoryParameterNames.Tag] = "A tag the run must carry; repeat to require several.",
        [HistoryParameterNames.From] = "Submitted at or after this ISO 8601 date or time.",
        [HistoryParameterNames.To] = "Submitted before this ISO 8601 date or time; a date alone includes that whole day.",
        [HistoryParameterNames.Sort] = $"{HistorySortKeys.Submitted} (default), {HistorySortKeys.RunTime}, {HistorySortKeys.ValidationLoss}, {HistorySortKeys.MeanSkill}, or a score of the evaluation as metric:channel:lead, e.g. rmse:z@500:24h (metrics {ScoreMetricKeys.Rmse}, {ScoreMetricKeys.Bias}, {ScoreMetricKeys.Acc}, {ScoreMetricKeys.Skill}, {ScoreMetricKeys.ClimatologySkill}).",
        [HistoryParameterNames.Order] = $"{HistoryOrders.Ascending} or {HistoryOrders.Descending}; by default newest, fastest, lowest loss or RMSE and highest skill or ACC come first.",
        [HistoryParameterNames.Limit] = "Rows per page, 1 to 200 (default 20).",
        [HistoryParameterNames.Cursor] = "The cursor from the previous page's Link rel=\"next\" header.",
        [HistoryParameterNames.Metric] = $"{HistorySortKeys.ValidationLoss} (default), {HistorySortKeys.MeanSkill}, {HistorySortKeys.RunTime}, or a score of the evaluation as metric:channel:lead, e.g. skill:t@850:12h.",
        [HistoryParameterNames.By] = $"{HistoryGroupKeys.Backbone} (default), {HistoryGroupKeys.HiddenDim}, {HistoryGroupKeys.TrainSamples} or {HistoryGroupKeys.Epochs}.",
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
