namespace WeatherFlow.Contracts.Evaluation;

/// <summary>
/// A WeatherBench-style scorecard of runs against <see cref="ReferenceId"/>: for every channel × lead the runs share
/// with the reference, each run's RMSE as a % difference from the reference's (negative is better), and per run on
/// how many of those targets it is better. <see cref="Note"/> says what was left out because not every run has it.
/// </summary>
public sealed record Scorecard(
    Guid ReferenceId,
    IReadOnlyList<string> Channels,
    IReadOnlyList<double> LeadTimes,
    IReadOnlyList<ScorecardRun> Runs,
    string? Note);

/// <param name="Cells">One per shared channel × lead, channel-major; null for the reference itself.</param>
public sealed record ScorecardRun(Guid Id, string Name, int BetterOn, int Targets, IReadOnlyList<ScorecardCell>? Cells);

/// <param name="PercentDifference">100 × (RMSE − reference RMSE) / reference RMSE.</param>
public sealed record ScorecardCell(string Channel, double LeadHours, double Rmse, double ReferenceRmse, double PercentDifference);
