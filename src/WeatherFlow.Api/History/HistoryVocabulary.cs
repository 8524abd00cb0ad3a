namespace WeatherFlow.Api.History;

/// <summary>
/// What the words of the history's query string (<c>WeatherFlow.Contracts.History</c>, shared with the web) mean to
/// the api: the sorts, metrics, groupings and score metrics they name. The parser reads requests with these, and the
/// aggregates and error messages name them back.
/// </summary>
public static class HistoryVocabulary
{
    /// <summary>The named sorts, the default first.</summary>
    public static readonly IReadOnlyDictionary<string, HistorySort> SortNames = Names(
        (HistorySortKeys.Submitted, HistorySort.Submitted),
        (HistorySortKeys.RunTime, HistorySort.RunTime),
        (HistorySortKeys.ValidationLoss, HistorySort.ValidationLoss),
        (HistorySortKeys.MeanSkill, HistorySort.MeanSkill));

    /// <summary>The named metrics of the aggregates, the default first.</summary>
    public static readonly IReadOnlyDictionary<string, HistorySort> MetricNames = Names(
        (HistoryMetricKeys.ValidationLoss, HistorySort.ValidationLoss),
        (HistoryMetricKeys.MeanSkill, HistorySort.MeanSkill),
        (HistoryMetricKeys.RunTime, HistorySort.RunTime));

    /// <summary>The groupings of the aggregates, the default first.</summary>
    public static readonly IReadOnlyDictionary<string, HistoryGrouping> GroupingNames = Names(
        (HistoryGroupKeys.Backbone, HistoryGrouping.Backbone),
        (HistoryGroupKeys.HiddenDim, HistoryGrouping.HiddenDim),
        (HistoryGroupKeys.TrainSamples, HistoryGrouping.TrainSamples),
        (HistoryGroupKeys.Epochs, HistoryGrouping.Epochs));

    public static readonly IReadOnlyDictionary<string, ScoreMetric> ScoreMetricNames = Names(
        (ScoreMetricKeys.Rmse, ScoreMetric.Rmse),
        (ScoreMetricKeys.Bias, ScoreMetric.Bias),
        (ScoreMetricKeys.Acc, ScoreMetric.Acc),
        (ScoreMetricKeys.Skill, ScoreMetric.Skill),
        (ScoreMetricKeys.ClimatologySkill, ScoreMetric.ClimatologySkill));

    /// <summary>The word for <paramref name="value"/> in <paramref name="names"/>.</summary>
    public static string NameOf<T>(IReadOnlyDictionary<string, T> names, T value) where T : struct, Enum =>
        names.First(name => name.Value.Equals(value)).Key;

    /// <summary>Read without regard to case; listed in the order given, which error messages keep.</summary>
    private static Dictionary<string, T> Names<T>(params (string Name, T Value)[] names) where T : notnull =>
        names.ToDictionary(name => name.Name, name => name.Value, StringComparer.OrdinalIgnoreCase);
}
