using WeatherFlow.Contracts.History;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeatherFlow.Contracts.Jobs;
using WeatherFlow.Web.Services;

namespace WeatherFlow.Web.Pages;

/// <summary>The history: every run, searched, filtered, sorted and paged by the api.</summary>
public sealed class IndexModel(WeatherFlowApiClient api) : PageModel
{
    public static readonly (string Value, string Label)[] SortChoices =
        [(HistorySortKeys.Submitted, "submitted"), (HistorySortKeys.ValidationLoss, "validation loss"), (HistorySortKeys.MeanSkill, "mean skill"), (HistorySortKeys.RunTime, "run time")];

    public HistoryQuery Query { get; private set; } = new(new QueryCollection());

    public HistoryPage? History { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? ApiError { get; private set; }

    /// <summary>What the delete page just removed, shown once.</summary>
    [TempData]
    public string? Deleted { get; set; }

    public IReadOnlyList<ExperimentJobSummary> Experiments => History?.Rows ?? [];

    /// <summary>While anything shown is still queued or running, the page refreshes itself to show it move on.</summary>
    public bool AnyInProgress => Experiments.Any(experiment => !ExperimentJobStatus.IsFinal(experiment.Status));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = new HistoryQuery(Request.Query);
        try
        {
            var answer = await api.ListAsync(Query.ForList(), cancellationToken);
            History = answer.Value;
            Errors = answer.Errors;
            if (answer.Value is null && answer.Errors.Count == 0)
            {
                ApiError = answer.Problem;
            }
        }
        catch (ApiUnavailableException exception)
        {
            ApiError = exception.Message;
        }
    }

    public string? ErrorOf(string parameter) => Errors.TryGetValue(parameter, out var messages) ? string.Join(" ", messages) : null;
}
