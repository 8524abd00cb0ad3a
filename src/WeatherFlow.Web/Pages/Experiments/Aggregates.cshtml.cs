using Microsoft.AspNetCore.Mvc.RazorPages;
using WeatherFlow.Contracts.Jobs;
using WeatherFlow.Web.Services;
using static WeatherFlow.Web.Services.HistoryVocabulary;

namespace WeatherFlow.Web.Pages.Experiments;

/// <summary>A question across runs: how a final metric of the completed runs varies with a config field.</summary>
public sealed class AggregatesModel(WeatherFlowApiClient api) : PageModel
{
    public static readonly (string Value, string Label)[] Metrics =
        [(Sorts.ValidationLoss, "validation loss"), (Sorts.MeanSkill, "mean skill"), (Sorts.RunTime, "run time (s)")];

    public static readonly (string Value, string Label)[] Fields =
        [(Groupings.Backbone, "backbone"), (Groupings.HiddenDim, "hidden size"), (Groupings.TrainSamples, "training samples"), (Groupings.Epochs, "epochs")];

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
            var answer = await api.AggregateAsync(Query.ForFilters(Parameters.Metric, Parameters.By), cancellationToken);
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
