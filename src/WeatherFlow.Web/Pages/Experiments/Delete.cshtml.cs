using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeatherFlow.Contracts.Jobs;
using WeatherFlow.Web.Services;

namespace WeatherFlow.Web.Pages.Experiments;

/// <summary>Asks before a run is deleted: a page of its own, so the question needs no script and a deletion is
/// always a deliberate POST.</summary>
public sealed class DeleteModel(WeatherFlowApiClient api) : PageModel
{
    public ExperimentJob? Job { get; private set; }

    public string? ApiError { get; private set; }

    [TempData]
    public string? Deleted { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Job = await api.GetAsync(id, cancellationToken);
            return Job is null ? NotFound() : Page();
        }
        catch (ApiUnavailableException exception)
        {
            ApiError = exception.Message;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var job = await api.GetAsync(id, cancellationToken);
            if (job is null || !await api.DeleteAsync(id, cancellationToken))
            {
                return NotFound();
            }
            Deleted = job.Name;
            return RedirectToPage("/Index");
        }
        catch (ApiUnavailableException exception)
        {
            ApiError = exception.Message;
            return Page();
        }
    }
}
