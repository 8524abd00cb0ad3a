using WeatherFlow.Contracts.Jobs;

namespace WeatherFlow.Web.Services;

/// <summary>One page of the history, and the cursor of the next when more rows follow.</summary>
public sealed record HistoryPage(IReadOnlyList<ExperimentJobSummary> Rows, string? NextCursor);
