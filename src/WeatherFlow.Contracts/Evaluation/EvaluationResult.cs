namespace WeatherFlow.Contracts.Evaluation;

/// <summary>
/// WeatherFlow's evaluation of a trained model, WeatherBench 2's way: from every start of a test set the model never
/// trained or validated on, rolled out autoregressively to each lead, scored per channel and lead against the truth
/// next to persistence and climatology. <see cref="TestSet"/> says what the starts were.
/// </summary>
public sealed record EvaluationResult(string TestSet, double StepHours, IReadOnlyList<double> LeadTimes, IReadOnlyList<LeadScore> Scores);

/// <summary>
/// One channel at one lead over <see cref="Cases"/> starts. RMSE is √(mean over cases of the cos φ-weighted mean
/// squared error), bias the mean weighted error, ACC the mean over cases of the weighted anomaly correlation against
/// the climatology; masked cells count nowhere. Skill is 1 − RMSE/RMSE of the baseline (positive beats it).
/// </summary>
public sealed record LeadScore(string Channel, double LeadHours, int Steps, int Cases, ForecastScores Model, ForecastScores Persistence,
    ForecastScores Climatology, double? SkillVsPersistence, double? SkillVsClimatology);

public sealed record ForecastScores(double Rmse, double Bias, double? Acc);
