using WeatherFlow.Contracts.Results;

namespace WeatherFlow.Web.Rendering;

/// <summary>One line of the loss chart: <see cref="Values"/>[i] belongs to epoch i + 1.</summary>
public sealed record LossSeries(string Name, string Color, bool Dashed, IReadOnlyList<double> Values)
{
    public static IReadOnlyList<LossSeries> From(ExperimentResult result) =>
    [
        new("train loss", "#0d6efd", false, [.. result.Metrics.Train.Select(epoch => epoch.Loss)]),
        new("validation loss", "#dc3545", false, [.. result.Validation.Metrics.Select(epoch => epoch.ValLoss)]),
        new("train flow loss", "#0d6efd", true, [.. result.Metrics.Train.Select(epoch => epoch.FlowLoss)]),
        new("validation flow loss", "#dc3545", true, [.. result.Validation.Metrics.Select(epoch => epoch.ValFlowLoss)]),
    ];
}
