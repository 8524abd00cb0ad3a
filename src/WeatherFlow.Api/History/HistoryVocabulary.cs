namespace WeatherFlow.Api.History;

/// <summary>
/// The words of the history's query string, in one place: its parameters, and the values <c>sort</c>, <c>order</c>,
/// <c>metric</c> and <c>by</c> take. The parser reads requests in them, the OpenAPI document describes them, and the
/// aggregates name their metric and grouping with them.
/// </summary>
public static class HistoryVocabulary
{
    public static class Parameters
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

    /// <summary>What <c>sort</c> and <c>metric</c> name besides a score.</summary>
    public static class Sorts
    {
        public const string Submitted = "submitted";
        public const string RunTime = "runTime";
        public const string ValidationLoss = "validationLoss";
        public const string MeanSkill = "meanSkill";
    }

    public static class Orders
    {
        public const string Ascending = "asc";
        public const string Descending = "desc";
    }

    /// <summary>The config fields <c>by</c> groups runs on.</summary>
    public static class Groupings
    {
        public const string Backbone = "backbone";
        public const string HiddenDim = "hiddenDim";
        public const string TrainSamples = "trainSamples";
        public const string Epochs = "epochs";
    }

    /// <summary>The metric of a score, the first part of <c>metric:channel:lead</c> (<see cref="ScoreKey"/>).</summary>
    public static class ScoreMetrics
    {
        public const string Rmse = "rmse";
        public const string Bias = "bias";
        public const string Acc = "acc";
        public const string Skill = "skill";
        public const string ClimatologySkill = "skillClim";
    }

    /// <summary>The named sorts, the default first.</summary>
    public static readonly IReadOnlyDictionary<string, HistorySort> SortNames = Names(
        (Sorts.Submitted, HistorySort.Submitted),
        (Sorts.RunTime, HistorySort.RunTime),
        (Sorts.ValidationLoss, HistorySort.ValidationLoss),
        (Sorts.MeanSkill, HistorySort.MeanSkill));

    /// <summary>The named metrics of the aggregates, the default first.</summary>
    public static readonly IReadOnlyDictionary<string, HistorySort> MetricNames = Names(
        (Sorts.ValidationLoss, HistorySort.ValidationLoss),
        (Sorts.MeanSkill, HistorySort.MeanSkill),
        (Sorts.RunTime, HistorySort.RunTime));

    /// <summary>The groupings of the aggregates, the default first.</summary>
    public static readonly IReadOnlyDictionary<string, HistoryGrouping> GroupingNames = Names(
        (Groupings.Backbone, HistoryGrouping.Backbone),
        (Groupings.HiddenDim, HistoryGrouping.HiddenDim),
        (Groupings.TrainSamples, HistoryGrouping.TrainSamples),
        (Groupings.Epochs, HistoryGrouping.Epochs));

    public static readonly IReadOnlyDictionary<string, ScoreMetric> ScoreMetricNames = Names(
        (ScoreMetrics.Rmse, ScoreMetric.Rmse),
        (ScoreMetrics.Bias, ScoreMetric.Bias),
        (ScoreMetrics.Acc, ScoreMetric.Acc),
        (ScoreMetrics.Skill, ScoreMetric.Skill),
        (ScoreMetrics.ClimatologySkill, ScoreMetric.ClimatologySkill));

    /// <summary>The word for <paramref name="value"/> in <paramref name="names"/>.</summary>
    public static string NameOf<T>(IReadOnlyDictionary<string, T> names, T value) where T : struct, Enum =>
        names.First(name => name.Value.Equals(value)).Key;

    /// <summary>Read without regard to case; listed in the order given, which error messages keep.</summary>
    private static Dictionary<string, T> Names<T>(params (string Name, T Value)[] names) where T : notnull =>
        names.ToDictionary(name => name.Name, name => name.Value, StringComparer.OrdinalIgnoreCase);
}
