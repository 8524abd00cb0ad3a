namespace WeatherFlow.Api.Experiments;

internal static class ExperimentName
{
    /// <summary>The name of a run its user did not name, e.g. <c>grid t+z 16×32 h96 seed 42</c>, or on a dataset
    /// <c>grid t+p ncar-storm-1996 12h h96 seed 42</c>: short enough for a list, and what tells runs of one study apart.</summary>
    public static string Default(ExperimentConfig config, string? datasetName)
    {
        var (dataset, grid) = (config.Dataset, config.EffectiveGrid());
        var data = dataset.Channels is { } channels
            ? $"{string.Join('+', channels)} {datasetName} {dataset.LeadHours}h"
            : $"{string.Join('+', dataset.Variables)} {grid.Lat}×{grid.Lon}";
        var name = $"{config.Model.Backbone} {data} h{config.Model.HiddenDim} seed {config.Training.Seed}";
        return name.Length <= LabelRules.MaxNameLength ? name : name[..LabelRules.MaxNameLength];
    }
}
