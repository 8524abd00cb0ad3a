using System.Net;
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

    [BindProperty]
    public LabelsForm Labels { get; set; } = new();

    /// <summary>The labels form stays open while it shows what the api refused.</summary>
    public bool EditingLabels { get; private set; }

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

    public async Task<IActionResult> OnPostLabelsAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await api.UpdateLabelsAsync(id, Labels.ToUpdate(), cancellationToken);
            if (answer.Value is not null)
            {
                return RedirectToPage(new { id });
            }
            if (answer.Status == HttpStatusCode.NotFound)
            {
                return NotFound();
            }
            var submitted = Labels;
            await LoadAsync(id, cancellationToken);
            Labels = submitted;
            EditingLabels = true;
            foreach (var (field, messages) in answer.Errors)
            {
                ModelState.AddModelError($"{nameof(Labels)}.{char.ToUpperInvariant(field[0])}{field[1..]}", string.Join(" ", messages));
            }
            if (answer.Errors.Count == 0)
            {
                ApiError = answer.Problem;
            }
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
            Labels = Job is null ? new() : LabelsForm.From(Job);
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
