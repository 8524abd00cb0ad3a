namespace WeatherFlow.Api.Experiments;

internal static class ExperimentName
{
    /// <summary>The name of a run its user did not name, e.g. <c>grid t+z 16×32 h96 seed 42</c>: short enough for a
    /// list, and what tells runs of one study apart.</summary>
    public static string Default(ExperimentConfig config)
    {
        var grid = config.EffectiveGrid();
        return $"{config.Model.Backbone} {string.Join('+', config.Dataset.Variables)} {grid.Lat}×{grid.Lon} h{config.Model.HiddenDim} seed {config.Training.Seed}";
    }
}
