namespace WeatherFlow.Contracts.History;

/// <summary>The config fields the aggregates group runs by (<c>GET /api/experiments/aggregates?by=</c>).</summary>
public static class HistoryGroupKeys
{
    public const string Backbone = "backbone";
    public const string HiddenDim = "hiddenDim";
    public const string TrainSamples = "trainSamples";
    public const string Epochs = "epochs";
}
