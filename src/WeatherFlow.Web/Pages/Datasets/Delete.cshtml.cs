using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Web.Services;

namespace WeatherFlow.Web.Pages.Datasets;

/// <summary>Asks before a dataset is deleted, as the experiments' delete page does; the api refuses (409) while a
/// queued or running run uses it, and that refusal is shown here.</summary>
public sealed class DeleteModel(WeatherFlowApiClient api) : PageModel
{
    public DatasetInfo? Dataset { get; private set; }

    public string? ApiError { get; private set; }

    [TempData(Key = "DatasetDeleted")]
    public string? Deleted { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Dataset = await api.GetDatasetAsync(id, cancellationToken);
            return Dataset is null ? NotFound() : Page();
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
            Dataset = await api.GetDatasetAsync(id, cancellationToken);
            if (Dataset is null)
            {
                return NotFound();
            }
            if (await api.DeleteDatasetAsync(id, cancellationToken) is { } refusal)
            {
                ApiError = refusal;
                return Page();
            }
            Deleted = Dataset.Name;
            return RedirectToPage("/Datasets/Index");
        }
        catch (ApiUnavailableException exception)
        {
            ApiError = exception.Message;
            return Page();
        }
    }
}
