namespace WeatherFlow.Contracts.History;

/// <summary>
/// The metrics of a score of the evaluation, the first part of a score key (<c>metric:channel:lead</c>, e.g.
/// <c>rmse:z@500:24h</c>) that the history sorts by and the aggregates summarise.
/// </summary>
public static class ScoreMetricKeys
{
    public const string Rmse = "rmse";
    public const string Bias = "bias";
    public const string Acc = "acc";

    /// <summary>Against persistence.</summary>
    public const string Skill = "skill";

    /// <summary>Against climatology.</summary>
    public const string ClimatologySkill = "skillClim";
}
