namespace WeatherFlow.Contracts.History;

/// <summary>The query parameters of the history (<c>GET /api/experiments</c>) and its aggregates
/// (<c>GET /api/experiments/aggregates</c>).</summary>
public static class HistoryParameterNames
{
    public const string Text = "q";
    public const string Status = "status";
    public const string Backbone = "backbone";
    public const string Variable = "variable";
    public const string Tag = "tag";
    public const string From = "from";
    public const string To = "to";
    public const string Sort = "sort";
    public const string Order = "order";
    public const string Limit = "limit";
    public const string Cursor = "cursor";
    public const string Metric = "metric";
    public const string By = "by";
}
