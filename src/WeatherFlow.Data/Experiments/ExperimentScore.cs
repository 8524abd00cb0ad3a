using WeatherFlow.Contracts.Evaluation;

namespace WeatherFlow.Data.Experiments;

/// <summary>
/// One channel × lead of a run's evaluation, kept in its own table so the history can sort and aggregate on a score
/// at a lead without reading result documents.
/// </summary>
public sealed class ExperimentScore
{
    public const int MaxChannelLength = 64;

    public Guid ExperimentId { get; set; }
    public required string Channel { get; set; }
    public double LeadHours { get; set; }
    public double Rmse { get; set; }
    public double Bias { get; set; }
    public double? Acc { get; set; }
    public double? Skill { get; set; }
    public double? ClimatologySkill { get; set; }

    /// <summary>The rows of a result's evaluation; none for a result from before evaluations.</summary>
    public static List<ExperimentScore> From(Guid experimentId, EvaluationResult? evaluation) =>
        [.. (evaluation?.Scores ?? []).Where(score => score.Channel.Length <= MaxChannelLength).Select(score => new ExperimentScore
        {
            ExperimentId = experimentId,
            Channel = score.Channel,
            LeadHours = score.LeadHours,
            Rmse = score.Model.Rmse,
            Bias = score.Model.Bias,
            Acc = score.Model.Acc,
            Skill = score.SkillVsPersistence,
            ClimatologySkill = score.SkillVsClimatology,
        })];
}
