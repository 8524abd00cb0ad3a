namespace WeatherFlow.Api.Experiments;

internal static class ExperimentDescription
{
    /// <summary>A one-line label for lists, e.g. <c>grid · t, z @ 500 hPa · 16×32 · 2 epochs</c>.</summary>
    public static string Of(ExperimentConfig config)
    {
        var dataset = config.Dataset;
        var epochs = config.Training.Epochs;
        return $"{config.Model.Backbone} · {string.Join(", ", dataset.Variables)} @ {string.Join(", ", dataset.PressureLevels)} hPa"
            + $" · {dataset.GridSize.Lat}×{dataset.GridSize.Lon} · {epochs} epoch{(epochs == 1 ? "" : "s")}";
    }
}
