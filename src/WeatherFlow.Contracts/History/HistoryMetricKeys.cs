namespace WeatherFlow.Contracts.History;

/// <summary>The named metrics the aggregates summarise (<c>GET /api/experiments/aggregates?metric=</c>): the run
/// metrics the history also sorts by, under the same names. A score of the evaluation (<see cref="ScoreMetricKeys"/>)
/// is the other kind of metric.</summary>
public static class HistoryMetricKeys
{
    public const string ValidationLoss = HistorySortKeys.ValidationLoss;
    public const string MeanSkill = HistorySortKeys.MeanSkill;
    public const string RunTime = HistorySortKeys.RunTime;
}
