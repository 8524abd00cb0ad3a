using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Contracts.Jobs;
using WeatherFlow.Contracts.Json;
using WeatherFlow.Contracts.Models;
using WeatherFlow.Contracts.Results;
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

    /// <summary>The seed of the atmosphere to forecast again from, with the run's model.</summary>
    [BindProperty]
    public int? ForecastSeed { get; set; }

    /// <summary>The forecast asked for with "Forecast again", when the address names one.</summary>
    public PredictionJob? Forecast { get; private set; }

    public string? ForecastError { get; private set; }

    public ExperimentResult? Result { get; private set; }

    public string? ApiError { get; private set; }

    /// <summary>The dataset a dataset run trained on, for its name; null when it is gone or cannot be seen.</summary>
    public DatasetInfo? SourceDataset { get; private set; }

    public bool IsFinal => Job is not null && ExperimentJobStatus.IsFinal(Job.Status);

    public string ConfigText => Job is null ? "" : JsonSerializer.Serialize(Job.Config, Indented);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? forecast, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Job is null && ApiError is null)
        {
            return NotFound();
        }
        if (forecast is { } predictionId && Job is not null)
        {
            try
            {
                var answer = await api.GetPredictionAsync(id, predictionId, cancellationToken);
                Forecast = answer.Value;
                ForecastError = answer.Value is null ? string.Join(" ", answer.Messages) : null;
            }
            catch (ApiUnavailableException exception)
            {
                ForecastError = exception.Message;
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostForecastAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Job is null)
        {
            return ApiError is null ? NotFound() : Page();
        }
        if (ForecastSeed is not { } seed)
        {
            ForecastError = "Enter a seed, a whole number.";
            return Page();
        }
        try
        {
            var answer = await api.PredictAsync(id, seed, cancellationToken);
            if (answer.Value is { } prediction)
            {
                return Redirect($"/experiments/{id}?forecast={prediction.Id}#forecast-again");
            }
            ForecastError = string.Join(" ", answer.Messages);
        }
        catch (ApiUnavailableException exception)
        {
            ForecastError = exception.Message;
        }
        // Only a completed run's page has the forecast form to show the refusal next to.
        ApiError ??= Result is null ? ForecastError : null;
        return Page();
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

    private async Task<DatasetInfo?> DatasetOrNullAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            return await api.GetDatasetAsync(id, cancellationToken);
        }
        catch (ApiUnavailableException)
        {
            return null;
        }
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
            // The result names its dataset by id; its name is looked up, and the run page does without it if it is gone.
            if (Result?.DatasetSource is { } source && Guid.TryParse(source.DatasetId, out var datasetId))
            {
                SourceDataset = await DatasetOrNullAsync(datasetId, cancellationToken);
            }
        }
        catch (ApiUnavailableException exception)
        {
            ApiError = exception.Message;
        }
    }
}
