namespace WeatherFlow.Contracts.History;

/// <summary>The named orders of the history (<c>GET /api/experiments?sort=</c>); a score of the evaluation
/// (<see cref="ScoreMetricKeys"/>) is the other kind of sort.</summary>
public static class HistorySortKeys
{
    public const string Submitted = "submitted";
    public const string RunTime = "runTime";
    public const string ValidationLoss = "validationLoss";
    public const string MeanSkill = "meanSkill";
}
