using WeatherFlow.Contracts.History;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeatherFlow.Contracts.Jobs;
using WeatherFlow.Web.Services;

namespace WeatherFlow.Web.Pages.Experiments;

/// <summary>A question across runs: how a final metric of the completed runs varies with a config field.</summary>
public sealed class AggregatesModel(WeatherFlowApiClient api) : PageModel
{
    public static readonly (string Value, string Label)[] Metrics =
        [(HistorySortKeys.ValidationLoss, "validation loss"), (HistorySortKeys.MeanSkill, "mean skill"), (HistorySortKeys.RunTime, "run time (s)")];

    public static readonly (string Value, string Label)[] Fields =
        [(HistoryGroupKeys.Backbone, "backbone"), (HistoryGroupKeys.HiddenDim, "hidden size"), (HistoryGroupKeys.TrainSamples, "training samples"), (HistoryGroupKeys.Epochs, "epochs")];

    public HistoryQuery Query { get; private set; } = new(new QueryCollection());

    public ExperimentAggregates? Aggregates { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string MetricLabel => Label(Metrics, Aggregates?.Metric);

    public string FieldLabel => Label(Fields, Aggregates?.By);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = new HistoryQuery(Request.Query);
        try
        {
            var answer = await api.AggregateAsync(Query.ForFilters(HistoryParameterNames.Metric, HistoryParameterNames.By), cancellationToken);
            Aggregates = answer.Value;
            Problems = [.. answer.Messages];
        }
        catch (ApiUnavailableException exception)
        {
            Problems = [exception.Message];
        }
    }

    private static string Label((string Value, string Label)[] choices, string? value) =>
        choices.FirstOrDefault(choice => string.Equals(choice.Value, value, StringComparison.OrdinalIgnoreCase)).Label ?? value ?? "";
}
