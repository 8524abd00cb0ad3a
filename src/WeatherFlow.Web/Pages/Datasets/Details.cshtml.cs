using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Web.Rendering;
using WeatherFlow.Web.Services;

namespace WeatherFlow.Web.Pages.Datasets;

/// <summary>A dataset: what its files hold, and a map of one channel at one step (step 0 of its first channel unless
/// the address asks for another).</summary>
public sealed class DetailsModel(WeatherFlowApiClient api) : PageModel
{
    public DatasetInfo? Dataset { get; private set; }

    public string? ApiError { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int Step { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    /// <summary>The chosen step and channel, which the map's picture (drawn by its own address) shows.</summary>
    public DatasetStep? Map { get; private set; }

    /// <summary>The map's colour scale: the same the picture is drawn with, so the bar labels it truly.</summary>
    public ColorScale? MapScale { get; private set; }

    public string? MapError { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Dataset = await api.GetDatasetAsync(id, cancellationToken);
            if (Dataset is null)
            {
                return NotFound();
            }
            var channels = Dataset.Description.Channels;
            if (channels.Count == 0)
            {
                return Page();
            }
            Channel = channels.Any(channel => channel.Name == Channel) ? Channel : channels[0].Name;
            Step = Math.Clamp(Step, 0, Math.Max(0, Dataset.Description.Time.Count - 1));
            var answer = await api.GetDatasetStepAsync(id, Step, Channel!, cancellationToken);
            Map = answer.Value;
            MapScale = Map is null ? null : MaskedHeatmap.Sequential([Map.Values]);
            MapError = Map is null ? string.Join(" ", answer.Messages) : null;
        }
        catch (ApiUnavailableException exception)
        {
            ApiError = exception.Message;
        }
        return Page();
    }

    public string MapAddress => $"/datasets/{Dataset!.Id}/map.png{QueryString.Create("step", Step.ToString(System.Globalization.CultureInfo.InvariantCulture)).Add("channel", Channel ?? "")}";
}
