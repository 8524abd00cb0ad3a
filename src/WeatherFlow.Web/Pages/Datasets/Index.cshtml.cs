using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Web.Apis;
using WeatherFlow.Web.Services;

namespace WeatherFlow.Web.Pages.Datasets;

/// <summary>The datasets the user may train on, and the form that uploads another (through <see cref="DatasetUploadApi"/>).</summary>
public sealed class IndexModel(WeatherFlowApiClient api) : PageModel
{
    public IReadOnlyList<DatasetInfo> Datasets { get; private set; } = [];

    public string? ApiError { get; private set; }

    /// <summary>Why the last upload was refused, after the form posted without its script.</summary>
    [TempData(Key = DatasetUploadApi.UploadErrorKey)]
    public string? UploadError { get; set; }

    /// <summary>What the delete page just removed, shown once.</summary>
    [TempData(Key = "DatasetDeleted")]
    public string? Deleted { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var answer = await api.ListDatasetsAsync(cancellationToken);
            Datasets = answer.Value ?? [];
            ApiError = answer.Value is null ? string.Join(" ", answer.Messages) : null;
        }
        catch (ApiUnavailableException exception)
        {
            ApiError = exception.Message;
        }
    }
}
