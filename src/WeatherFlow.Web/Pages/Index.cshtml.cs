using Microsoft.AspNetCore.Mvc.RazorPages;
using WeatherFlow.Contracts.Jobs;
using WeatherFlow.Web.Services;

namespace WeatherFlow.Web.Pages;

public sealed class IndexModel(WeatherFlowApiClient api) : PageModel
{
    private const int RecentCount = 50;

    public IReadOnlyList<ExperimentJobSummary> Experiments { get; private set; } = [];

    public string? ApiError { get; private set; }

    /// <summary>While anything is still queued or running, the list refreshes itself to show it move on.</summary>
    public bool AnyInProgress => Experiments.Any(experiment => !ExperimentJobStatus.IsFinal(experiment.Status));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Experiments = await api.ListRecentAsync(RecentCount, cancellationToken);
        }
        catch (ApiUnavailableException exception)
        {
            ApiError = exception.Message;
        }
    }
}
