namespace WeatherFlow.Api.Experiments;

internal static class ExperimentDescription
{
    /// <summary>A one-line label for lists, e.g. <c>grid · t, z @ 500 hPa · 16×32 · 48 samples · 2 epochs · seed 42</c>,
    /// with the grid the run actually uses (the tier's, when one is chosen); on a dataset, e.g.
    /// <c>grid · t, p · dataset ncar-storm-1996 · 12 h lead · 2 epochs · seed 42</c>.</summary>
    public static string Of(ExperimentConfig config, string? datasetName)
    {
        var (dataset, training, grid) = (config.Dataset, config.Training, config.EffectiveGrid());
        if (dataset.Channels is { } channels)
        {
            return $"{config.Model.Backbone} · {string.Join(", ", channels)} · dataset {datasetName} · {dataset.LeadHours} h lead"
                + $" · {training.Epochs} epoch{(training.Epochs == 1 ? "" : "s")} · seed {training.Seed}";
        }
        return $"{config.Model.Backbone} · {string.Join(", ", dataset.Variables)} @ {string.Join(", ", dataset.PressureLevels)} hPa"
            + $" · {grid.Lat}×{grid.Lon} · {dataset.TrainSamples} samples · {training.Epochs} epoch{(training.Epochs == 1 ? "" : "s")} · seed {training.Seed}";
    }
}
