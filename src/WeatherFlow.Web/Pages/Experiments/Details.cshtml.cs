using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeatherFlow.Contracts.Experiments;
using WeatherFlow.Contracts.Jobs;
using WeatherFlow.Web.Services;

namespace WeatherFlow.Web.Pages.Experiments;

public sealed class DetailsModel(WeatherFlowApiClient api) : PageModel
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public ExperimentJob? Job { get; private set; }

    public ExperimentResult? Result { get; private set; }

    public string? ApiError { get; private set; }

    public bool IsFinal => Job is not null && ExperimentJobStatus.IsFinal(Job.Status);

    public string ConfigText => Job is null ? "" : JsonSerializer.Serialize(Job.Config, Indented);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Job is null && ApiError is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            if (await api.CancelAsync(id, cancellationToken) is not { } refusal)
            {
                return RedirectToPage(new { id });
            }
            await LoadAsync(id, cancellationToken);
            ApiError = refusal;
        }
        catch (ApiUnavailableException exception)
        {
            ApiError = exception.Message;
        }
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Job = await api.GetAsync(id, cancellationToken);
            Result = Job?.Result is { ValueKind: JsonValueKind.Object } result
                ? result.Deserialize<ExperimentResult>(ExperimentJson.Options)
                : null;
        }
        catch (ApiUnavailableException exception)
        {
            ApiError = exception.Message;
        }
    }
}
