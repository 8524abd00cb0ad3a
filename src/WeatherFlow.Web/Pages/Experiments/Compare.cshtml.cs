using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeatherFlow.Contracts.Jobs;
using WeatherFlow.Contracts.Json;
using WeatherFlow.Contracts.Results;
using WeatherFlow.Web.Rendering;
using WeatherFlow.Web.Services;

namespace WeatherFlow.Web.Pages.Experiments;

/// <summary>2 to 6 runs side by side: what differs in their configs, their loss curves on one chart, their scores
/// per channel, a scorecard against one of them and their forecasts of each channel next to each other.</summary>
public sealed class CompareModel(WeatherFlowApiClient api) : PageModel
{
    public ExperimentComparison? Comparison { get; private set; }

    /// <summary>Each run's result, in the order of the comparison; null for a run that has none yet.</summary>
    public IReadOnlyList<ExperimentResult?> Results { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The scorecard's layout; null when the reference run has no evaluation.</summary>
    public ScorecardTable? Scorecard => Comparison?.Scorecard is { } scorecard ? ScorecardTable.From(scorecard) : null;

    /// <summary>The run the scorecard is against: the api's choice, which is the one asked for or else the first.</summary>
    public Guid? ReferenceId { get; private set; }

    /// <param name="reference">The run the scorecard compares the others with; the api judges it and defaults to the first.</param>
    public async Task OnGetAsync(string[]? id, string? reference, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await api.CompareAsync(id ?? [], reference, cancellationToken);
            Comparison = answer.Value;
            Problems = [.. answer.Messages];
            ReferenceId = Comparison?.Scorecard?.ReferenceId
                ?? (Guid.TryParse(reference, out var asked) ? asked : Comparison?.Experiments[0].Id);
            if (Comparison is not null)
            {
                var jobs = await Task.WhenAll(Comparison.Experiments.Select(run => api.GetAsync(run.Id, cancellationToken)));
                Results = [.. jobs.Select(job => job?.Result is { ValueKind: JsonValueKind.Object } result
                    ? result.Deserialize<ExperimentResult>(ExperimentJson.Options)
                    : null)];
            }
        }
        catch (ApiUnavailableException exception)
        {
            Problems = [exception.Message];
        }
    }

    /// <summary>Every run's validation loss (solid) and train loss (dashed), in the run's colour.</summary>
    public IReadOnlyList<LossSeries> Curves => Comparison is not { } comparison ? [] :
    [
        .. comparison.Curves.SelectMany((curve, index) => new LossSeries[]
        {
            new($"{comparison.Experiments[index].Name} validation", RunColors.Of(index), false, [.. curve.Select(epoch => epoch.ValLoss ?? double.NaN)]),
            new($"{comparison.Experiments[index].Name} train", RunColors.Of(index), true, [.. curve.Select(epoch => epoch.Loss)]),
        }),
    ];

    /// <summary>Whether a run's value of a config field differs from the first run's.</summary>
    public static bool DiffersFromFirst(ConfigDifference difference, int index) =>
        index > 0 && !JsonElementText(difference.Values[index]).Equals(JsonElementText(difference.Values[0]), StringComparison.Ordinal);

    public static string JsonElementText(JsonElement? value) => value is { } element ? element.GetRawText() : "–";
}
